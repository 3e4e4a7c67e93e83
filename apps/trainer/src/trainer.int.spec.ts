import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { ModelsEvent, Topics } from '@jobcast/contracts';
import { ensureTopics, InProcessMessageBus, KafkaMessageBus } from '@jobcast/messaging';
import { getKafka, uniqueName } from '@jobcast/testing';
import {
  finishedRun,
  getJson,
  postJson,
  startTrainer,
  trainerEnv,
  waitFor,
  useTrainerWorld,
} from '../test-support/trainer-harness';
import { runtimeHistory } from '../test-support/runtime-history';

// The runtime family trains in milliseconds, so these tests exercise the trainer, not the models.
const BAD_PARAMS = { shrinkage: 1_000_000, neighbours: 0 };

describe('trainer on PostgreSQL', () => {
  const world = useTrainerWorld(() => runtimeHistory(300));

  const env = (extra: Record<string, string> = {}) => trainerEnv(world.testDatabase.url, world.testDatabase.schema, join(world.folder.path, 'store'), extra);
  const start = async (extra: Record<string, string> = {}) => {
    const trainer = await startTrainer(env(extra), new InProcessMessageBus());
    world.trainers.push(trainer);
    return trainer;
  };

  it('gates candidates: a better one becomes champion and is announced on Kafka, a worse one stays candidate', async () => {
    const { brokers } = await getKafka();
    const kafka = new Kafka({ clientId: uniqueName('trainer-test'), brokers, logLevel: logLevel.NOTHING });
    await ensureTopics(kafka, [Topics.models]);
    const bus = new KafkaMessageBus(kafka);
    const events: ModelsEvent[] = [];
    const subscription = await bus.subscribe({
      topic: Topics.models,
      groupId: uniqueName('trainer-test'),
      handler: async (batch) => {
        for (const message of batch.messages) if (message.value) events.push(ModelsEvent.parse(JSON.parse(message.value.toString())));
      },
    });
    const trainer = await startTrainer(env(), bus);
    world.trainers.push(trainer);
    const { url } = trainer;
    const train = async (params: Record<string, number>) => {
      const started = await postJson(`${url}/v1/training-runs`, { family: 'runtime', params });
      expect(started.status).toBe(202);
      return finishedRun(url, started.body.runs[0].id);
    };

    const first = await train(BAD_PARAMS);
    expect(first.status).toBe('succeeded');
    const better = await train({});
    expect(better.status).toBe('succeeded');
    expect(better.metrics.runtime_mae_test).toBeLessThan(first.metrics.runtime_mae_test);
    const worse = await train(BAD_PARAMS);
    expect(worse.status).toBe('succeeded');

    const models = (await getJson(`${url}/v1/models?family=runtime`)).body.models;
    const byRun = (run: { modelId: string }) => models.find((model: { id: string }) => model.id === run.modelId);
    expect(byRun(first).status).toBe('retired');
    expect(byRun(better).status).toBe('champion');
    expect(byRun(worse).status).toBe('candidate');
    expect(byRun(worse).gateReason).toMatch(/worse, beyond the tolerance/);

    // run layout: run.json with checksums of every artifact, metric lines in the log
    const record = JSON.parse(await readFile(join(byRun(better).location, 'run.json'), 'utf8'));
    expect(Object.keys(record.checksums)).toEqual(expect.arrayContaining(['models/runtime_model.json', 'gate_rows.json']));
    expect(record.rowCounts.total).toBe(300);
    expect(await readFile(join(byRun(better).location, 'run.log'), 'utf8')).toMatch(/###METRIC###runtime_mae_test:[\d.]+###/);

    // both promotions were announced, the rejected candidate was not
    const ours = await waitFor(
      async () => events.filter((event) => [first.modelId, better.modelId, worse.modelId].includes(event.modelId)),
      (list) => list.length >= 2,
    );
    expect(ours.map((event) => event.modelId)).toEqual([first.modelId, better.modelId]);
    expect(ours[1]).toMatchObject({
      family: 'runtime',
      version: byRun(better).version,
      location: byRun(better).location,
      checksums: record.checksums,
      previousModelId: first.modelId,
      reason: 'gate',
    });
    await trainer.close();
    world.trainers.splice(world.trainers.indexOf(trainer), 1);
    await subscription.stop();
    await bus.close();
  });

  it('refuses to promote a version whose artifacts were altered, and rolls back to an intact one', async () => {
    const { url } = await start();
    const first = await finishedRun(url, (await postJson(`${url}/v1/training-runs`, { family: 'runtime', params: BAD_PARAMS })).body.runs[0].id);
    const second = await finishedRun(url, (await postJson(`${url}/v1/training-runs`, { family: 'runtime' })).body.runs[0].id);
    const firstModel = (await getJson(`${url}/v1/models/${first.modelId}`)).body;
    expect(firstModel.status).toBe('retired');

    const rollback = await postJson(`${url}/v1/models/${first.modelId}/promote`, {});
    expect(rollback.status).toBe(200);
    expect(rollback.body.champion.id).toBe(first.modelId);
    expect(rollback.body.previous.id).toBe(second.modelId);

    const secondModel = (await getJson(`${url}/v1/models/${second.modelId}`)).body;
    await writeFile(join(secondModel.location, 'models', 'runtime_model.json'), '{"tampered":true}');
    const refused = await postJson(`${url}/v1/models/${second.modelId}/promote`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('models/runtime_model.json');
    expect((await getJson(`${url}/v1/models/${first.modelId}`)).body.status).toBe('champion');
  });

  it('fails a run on an empty window with the reason and keeps the champion', async () => {
    const { url } = await start();
    const champion = await finishedRun(url, (await postJson(`${url}/v1/training-runs`, { family: 'runtime' })).body.runs[0].id);
    const empty = await finishedRun(url, (await postJson(`${url}/v1/training-runs`, { family: 'runtime', windowDays: 1 })).body.runs[0].id);
    expect(empty.status).toBe('failed');
    expect(empty.error).toMatch(/has 0 usable rows of 0; at least 20 are needed/);
    expect((await getJson(`${url}/v1/models/${champion.modelId}`)).body.status).toBe('champion');
  });

  it('answers bad requests with the offending field', async () => {
    const { url } = await start();
    const unknown = await postJson(`${url}/v1/training-runs`, { family: 'nope' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('unknown model family "nope"');
    const stray = await postJson(`${url}/v1/training-runs`, { famly: 'runtime' });
    expect(stray.status).toBe(400);
    expect((await getJson(`${url}/v1/training-runs/${randomUUID()}`)).status).toBe(404);
  });
});
