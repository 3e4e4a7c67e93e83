import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PredictorMetrics } from '../observability/predictor-metrics';
import { finishedRuns, storeRuntimeRun } from '../../test-support/stored-runs';
import { loadRuntimeFamily } from './adapters/runtime-family.adapter';
import type { FamilyLoaders } from './family-loaders';
import { FolderModelSource } from './folder-model-source';
import { ServingModels } from './serving-models.service';

const loaders = { runtime: loadRuntimeFamily } as FamilyLoaders;

describe('FolderModelSource with the runtime family', () => {
  let root: string;
  beforeEach(async () => (root = await mkdtemp(join(tmpdir(), 'predictor-models-'))));
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('serves the newest finished run, verified, with runtime statistics, instances and prices', async () => {
    await storeRuntimeRun(root, 'older', finishedRuns(60, 5), '2026-11-01T00:00:00.000Z');
    await storeRuntimeRun(root, 'newer', finishedRuns(60), '2026-11-02T00:00:00.000Z');
    const loaded = await new FolderModelSource(root, loaders).load('runtime', null);
    expect(loaded).toMatchObject({ family: 'runtime', version: 'newer', location: join(root, 'runtime', 'newer') });
    const { runtime, prices, queue } = loaded.model;
    const exact = runtime.estimate('job-hello_world:develop', 'c5.9xlarge');
    expect(exact).toMatchObject({ level: 'job-type+instance', fallback: false });
    expect(exact.p50).toBeGreaterThan(90);
    expect(exact.p50).toBeLessThan(130);
    expect(runtime.estimate('job-hello_world:develop', '*')).toMatchObject({ level: 'job-type', fallback: false });
    expect(runtime.estimate('job-hello_world:develop', 'x9.unknown')).toMatchObject({ level: 'job-type', fallback: true });
    expect(runtime.estimate('job-never-seen', '*')).toMatchObject({ level: 'global', fallback: true });
    expect([...runtime.instancesFor('job-hello_world:develop')].sort()).toEqual(['c5.9xlarge', 'm5.xlarge']);
    expect(prices.hourlyUsd('c5.9xlarge')).toBeGreaterThan(0);
    expect(prices.hourlyUsd('no.such-instance')).toBeNull();
    const drained = queue.estimate(['job-hello_world:develop', 'job-hello_world:develop'], 2);
    expect(drained.maxSeconds).toBeGreaterThan(drained.minSeconds);
  });

  it('refuses a run whose artifacts changed after they were recorded, and the previous model keeps serving', async () => {
    await storeRuntimeRun(root, 'good', finishedRuns(60), '2026-11-01T00:00:00.000Z');
    const serving = new ServingModels(new FolderModelSource(root, loaders), new PredictorMetrics());
    expect(await serving.reload('runtime', null)).toMatchObject({ loaded: true, version: 'good' });

    const tampered = await storeRuntimeRun(root, 'tampered', finishedRuns(60), '2026-11-02T00:00:00.000Z');
    await writeFile(join(tampered, 'models', 'runtime_model.json'), '{"format":"jobcast.runtime-model"}');
    const outcome = await serving.reload('runtime', null);
    expect(outcome).toMatchObject({ loaded: false });
    expect(!outcome.loaded && outcome.reason).toContain('models/runtime_model.json: sha256');
    expect(serving.snapshot().runtime?.version).toBe('good');
    expect(serving.status()).toMatchObject({ degraded: true, refusals: [{ family: 'runtime' }] });
  });

  it('says which folder holds no models', async () => {
    await expect(new FolderModelSource(root, loaders).load('runtime', null)).rejects.toThrow(`no runtime models in ${join(root, 'runtime')}`);
  });
});
