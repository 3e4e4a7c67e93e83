import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeCalcloudKeywords, loadCalcloudBundle } from '@jobcast/models';
import { storeCalcloudRun, syntheticCalcloudRows } from '../../../test-support/stored-runs';
import type { FamilyLoaders } from '../family-loaders';
import { FolderModelSource } from '../folder-model-source';
import { validateModel } from '../model-validation';
import { loadCalcloudModel } from './calcloud-bundle.adapter';
import { shortestFloat32Decimal } from './float32-decimals';

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

  it('answers what the bundle predicts, its float32 values as their shortest decimals', async () => {
    const model = await loadCalcloudModel(join(root, 'calcloud', 'small'));
    const inputs = [1, 40, 2400].map((totalMb) => encodeCalcloudKeywords({ datasetId: 'ia2l51030', nFiles: 3, totalMb, DETECTOR: 'UVIS' }));
    const bundle = await loadCalcloudBundle(join(root, 'calcloud', 'small'));
    const expected = bundle.predictValid(inputs);
    model.predictBatch(inputs).forEach((answer, row) => {
      const { binProbs, memoryGb, wallclockSeconds, ...exact } = expected[row];
      expect(answer).toMatchObject(exact);
      const values = [...answer.binProbs, answer.memoryGb, answer.wallclockSeconds];
      expect(values.map(Math.fround)).toEqual([...binProbs, memoryGb, wallclockSeconds]);
      expect(values).toEqual(values.map(shortestFloat32Decimal));
    });
  });
});
