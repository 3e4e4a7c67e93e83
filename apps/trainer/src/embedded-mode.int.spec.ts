import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ModelsEvent, Topics } from '@jobcast/contracts';
import { createDatabase, type JobcastDatabase } from '@jobcast/db';
import { InProcessMessageBus } from '@jobcast/messaging';
import { join } from 'node:path';
import { runtimeHistory } from '../test-support/runtime-history';
import { finishedRun, postJson, seedJobRuns, tempFolder, trainerEnv, waitFor } from '../test-support/trainer-harness';
import { loadTrainerConfig, TrainerModule } from '.';

// The embedded mode hosts the module with PGlite and the in-process bus: one process, one database connection.
describe('TrainerModule hosted with PGlite and the in-process bus', () => {
  let database: JobcastDatabase;
  let app: INestApplication;
  let folder: { path: string; remove(): Promise<void> };
  const bus = new InProcessMessageBus();

  beforeAll(async () => {
    database = await createDatabase({ url: 'pglite://memory' });
    await database.migrateToLatest();
    await seedJobRuns(database, runtimeHistory(120));
    folder = await tempFolder('jobcast-embedded-');
    const config = loadTrainerConfig(trainerEnv('pglite://memory', 'public', join(folder.path, 'store')));
    app = await NestFactory.create(TrainerModule.forRoot({ config, database, bus }), { logger: ['error', 'warn'] });
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
    await bus.close();
    await database.close();
    await folder.remove();
  });

  it('trains one run at a time, promotes the first model and announces it on the bus', async () => {
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const events: ModelsEvent[] = [];
    await bus.subscribe({
      topic: Topics.models,
      groupId: 'embedded-test',
      handler: async (batch) => {
        for (const message of batch.messages) if (message.value) events.push(ModelsEvent.parse(JSON.parse(message.value.toString())));
      },
    });
    const [first, second] = await Promise.all([
      postJson(`${url}/v1/training-runs`, { family: 'runtime' }),
      postJson(`${url}/v1/training-runs`, { family: 'runtime' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([202, 409]);
    const accepted = first.status === 202 ? first : second;
    const refused = first.status === 202 ? second : first;
    expect(refused.body.runningRunId).toBe(accepted.body.runs[0].id);
    const run = await finishedRun(url, accepted.body.runs[0].id);
    expect(run.status).toBe('succeeded');
    const [event] = await waitFor(async () => events, (list) => list.length > 0);
    expect(event).toMatchObject({ family: 'runtime', modelId: run.modelId, location: run.location, reason: 'gate' });
  });
});
