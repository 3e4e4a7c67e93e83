import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { condorHoldFamily, ReleaseHistory } from '@jobcast/models';
import { validateModel } from '../model-validation';
import { loadCondorHoldModel } from './condor-hold.adapter';

describe('loadCondorHoldModel', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'jobcast-condor-hold-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('serves the release history the trainer saved, which passes validation', async () => {
    await condorHoldFamily.save(ReleaseHistory.fromCounts({ '13': { samples: 4, succeeded: 3 } }), dir);
    const model = await loadCondorHoldModel(dir);
    expect(model.history.record(13)).toEqual({ samples: 4, succeeded: 3, estimate: 4 / 6 });
    expect(validateModel('condor-hold', model)).toBeNull();
  });

  it('refuses an empty history', async () => {
    await condorHoldFamily.save(new ReleaseHistory(), dir);
    expect(validateModel('condor-hold', await loadCondorHoldModel(dir))).toBe('release history holds no samples');
  });
});
