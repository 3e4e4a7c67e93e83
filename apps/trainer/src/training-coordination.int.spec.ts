import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { InProcessMessageBus } from '@jobcast/messaging';
import { freePort } from '@jobcast/testing';
import { runtimeHistory } from '../test-support/runtime-history';
import {
  finishedRun,
  getJson,
  postJson,
  startTrainer,
  trainerEnv,
  waitFor,
  useTrainerWorld,
} from '../test-support/trainer-harness';

describe('training coordination on PostgreSQL', () => {
  const world = useTrainerWorld(() => runtimeHistory(300));
  let child: ChildProcess | null = null;

  afterEach(() => {
    child?.kill('SIGKILL');
    child = null;
  });

  const env = (extra: Record<string, string> = {}) => trainerEnv(world.testDatabase.url, world.testDatabase.schema, join(world.folder.path, 'store'), extra);
  const start = async (extra: Record<string, string> = {}) => {
    const trainer = await startTrainer(env(extra), new InProcessMessageBus());
    world.trainers.push(trainer);
    return trainer;
  };

  it('runs one training at a time across replicas: the others get 409 with the running run id', async () => {
    const [a, b] = [await start(), await start()];
    const answers = await Promise.all(
      [a, b, a, b].map((trainer) => postJson(`${trainer.url}/v1/training-runs`, { family: 'runtime' })),
    );
    const accepted = answers.filter((answer) => answer.status === 202);
    const refused = answers.filter((answer) => answer.status === 409);
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(3);
    const runId = accepted[0].body.runs[0].id;
    for (const answer of refused) expect(answer.body.runningRunId).toBe(runId);
    expect((await finishedRun(a.url, runId)).status).toBe('succeeded');
    // the lock is free again once the run ended
    expect((await postJson(`${b.url}/v1/training-runs`, { family: 'runtime' })).status).toBe(202);
  });

  it('SOAMC /update starts a refresh and answers 409 while one runs', async () => {
    const { url } = await start();
    const [first, second] = await Promise.all([getJson(`${url}/update`), getJson(`${url}/update`)]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([202, 409]);
  });

  it('fires the schedule', async () => {
    const { url } = await start({ TRAINER_CRON: '*/1 * * * * *' });
    const runs = await waitFor(
      async () => (await getJson(`${url}/v1/training-runs`)).body.runs as Array<{ trigger: string; id: string }>,
      (list) => list.some((run) => run.trigger === 'schedule'),
    );
    const scheduled = runs.find((run) => run.trigger === 'schedule');
    expect((await finishedRun(url, scheduled!.id)).status).toBe('succeeded');
  });

  it('a sweep names its runs by the rule and picks the best in the metric direction', async () => {
    const { url } = await start();
    const started = await postJson(`${url}/v1/sweeps`, {
      family: 'runtime',
      name: 'grid1',
      grid: { shrinkage: [1_000_000, 0.5], neighbours: [0, 3] },
      fixed: { windowSize: 50 },
    });
    expect(started.status).toBe(202);
    expect(started.body.runs.map((run: { name: string }) => run.name)).toEqual(['S1M-N0', 'S1M-N3', 'S05-N0', 'S05-N3']);
    const view = await waitFor(
      async () => (await getJson(`${url}/v1/sweeps/${started.body.sweep.id}`)).body,
      (body) => body.sweep.status !== 'running',
      60_000,
    );
    expect(view.sweep.status).toBe('succeeded');
    const maes = view.runs.map((run: { metrics: Record<string, number> }) => run.metrics.runtime_mae_test);
    const best = view.runs.find((run: { id: string }) => run.id === view.sweep.bestRunId);
    expect(best.metrics.runtime_mae_test).toBe(Math.min(...maes));
    expect(best.metrics.runtime_mae_test).toBeLessThan(Math.max(...maes));
    expect(best.location).toBe(join(world.folder.path, 'store', 'runtime', 'grid1', best.name));
    expect((await getJson(`${url}/v1/models/${best.modelId}`)).body.status).toBe('champion');
  });

  it('a trainer killed mid-run leaves the run failed on restart, with the lock free and no champion from it', async () => {
    const port = await freePort();
    child = spawn(process.execPath, ['-r', '@swc-node/register', resolve(__dirname, 'main.ts')], {
      env: { ...process.env, ...env({ TRAINER_PORT: String(port), HOST: '127.0.0.1' }), SWC_NODE_PROJECT: resolve(__dirname, '../../../tsconfig.base.json') },
      stdio: 'ignore',
    });
    const url = `http://127.0.0.1:${port}`;
    await waitFor(() => getJson(`${url}/v1/training-runs`).catch(() => ({ status: 0 })), (answer) => answer.status === 200, 60_000);
    const started = await postJson(`${url}/v1/training-runs`, { family: 'runtime' });
    expect(started.status).toBe(202);
    child.kill('SIGKILL');
    await new Promise((done) => child!.once('exit', done));
    child = null;
    const runId = started.body.runs[0].id;
    const orphan = await world.database.db.selectFrom('training_runs').select(['status']).where('id', '=', runId).executeTakeFirstOrThrow();
    expect(orphan.status).toBe('running');

    const restarted = await start();
    const failed = (await getJson(`${restarted.url}/v1/training-runs/${runId}`)).body;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/stopped before it finished/);
    expect((await getJson(`${restarted.url}/v1/models?family=runtime`)).body.models).toEqual([]);
    const next = await postJson(`${restarted.url}/v1/training-runs`, { family: 'runtime' });
    expect(next.status).toBe(202);
    expect((await finishedRun(restarted.url, next.body.runs[0].id)).status).toBe('succeeded');
  });
});
