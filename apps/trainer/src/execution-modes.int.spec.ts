import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InProcessMessageBus } from '@jobcast/messaging';
import { calcloudHistory } from '../test-support/calcloud-history';
import {
  getJson,
  postJson,
  startTrainer,
  trainerEnv,
  waitFor,
  useTrainerWorld,
} from '../test-support/trainer-harness';

// The calcloud networks, kept tiny: 160 rows, 5 % of the epoch budget.
const SMALL_NETWORKS = { config: 'fast-network', epochsScale: 0.05, seed: 7 };

describe('attached and detached runs of the calcloud family', () => {
  const world = useTrainerWorld(() => calcloudHistory(160));

  const start = async (execution: 'attached' | 'detached') => {
    const env = trainerEnv(world.testDatabase.url, world.testDatabase.schema, join(world.folder.path, 'store', execution), {
      TRAINER_EXECUTION: execution,
      TRAINER_FAMILIES: 'calcloud',
    });
    const trainer = await startTrainer(env, new InProcessMessageBus());
    world.trainers.push(trainer);
    return trainer;
  };

  it.each(['attached', 'detached'] as const)('%s: trains, reports epochs and writes the same layout', async (execution) => {
    const { url } = await start(execution);
    const started = await postJson(`${url}/v1/training-runs`, { family: 'calcloud', params: SMALL_NETWORKS });
    expect(started.status).toBe(202);
    const id = started.body.runs[0].id;
    // the API answers while the networks train, and shows their progress
    const withProgress = await waitFor(
      async () => (await getJson(`${url}/v1/training-runs/${id}`)).body,
      (run) => run.progress !== null || run.status !== 'running',
      120_000,
    );
    expect(withProgress.progress).toMatchObject({ model: expect.stringMatching(/^(mem_clf|mem_reg|wall_reg)$/), epoch: expect.any(Number) });
    const run = await waitFor(
      async () => (await getJson(`${url}/v1/training-runs/${id}`)).body,
      (body) => body.status !== 'running',
      120_000,
    );
    expect(run.status).toBe('succeeded');
    expect(run.metrics.accuracy_test).toBeGreaterThan(0);
    const record = JSON.parse(await readFile(join(run.location, 'run.json'), 'utf8'));
    expect(Object.keys(record.checksums)).toEqual(
      expect.arrayContaining(['models/tx_data.json', 'models/bundle.json', 'gate_rows.json']),
    );
    expect(record.config.params).toEqual(SMALL_NETWORKS);
    expect(await readFile(join(run.location, 'run.log'), 'utf8')).toMatch(/###METRIC###accuracy_test:[\d.]+###/);
    expect((await getJson(`${url}/v1/models/${run.modelId}`)).body.status).toBe('champion');
  });
});
