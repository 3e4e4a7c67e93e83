import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeCalcloudKeywords } from '@jobcast/models';
import { storeCalcloudRun, syntheticCalcloudRows } from '../../../test-support/stored-runs';
import type { FamilyLoaders } from '../family-loaders';
import { FolderModelSource } from '../folder-model-source';
import { validateModel } from '../model-validation';
import { loadCalcloudModel } from './calcloud-bundle.adapter';

describe('calcloud bundle served through FolderModelSource', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'predictor-calcloud-'));
    await storeCalcloudRun(root, 'small', syntheticCalcloudRows(600));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('loads a verified run that passes validation and answers a batch in order', async () => {
    const loaded = await new FolderModelSource(root, { calcloud: loadCalcloudModel } as FamilyLoaders).load('calcloud', null);
    expect(loaded.version).toBe('small');
    expect(validateModel('calcloud', loaded.model)).toBeNull();
    const small = encodeCalcloudKeywords({ datasetId: 'ia2l51030', nFiles: 1, totalMb: 10, DETECTOR: 'IR' });
    const large = encodeCalcloudKeywords({ datasetId: 'ia2l51030', nFiles: 8, totalMb: 2400, DETECTOR: 'UVIS' });
    const [first, second] = loaded.model.predictBatch([small, large]);
    expect(second.memoryGb).toBeGreaterThan(first.memoryGb);
    expect(second.wallclockSeconds).toBeGreaterThan(first.wallclockSeconds);
    expect(first.binProbs.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 3);
    expect(first.killTimeSeconds).toBeGreaterThanOrEqual(60);
  });
});
