import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { JobRun } from '@jobcast/contracts';
import { createDatabase, type JobcastDatabase, KyselyJobRunRepository } from '@jobcast/db';
import type { MessageBus } from '@jobcast/messaging';
import { createTestSchema, getPostgres } from '@jobcast/testing';
import { loadTrainerConfig, TrainerModule } from '../src';

export interface TestTrainer {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

export interface TestDatabase {
  database: JobcastDatabase;
  url: string;
  schema: string;
  drop(): Promise<void>;
}

/** A fresh schema on the harness's PostgreSQL server, migrated; `drop` closes and removes it. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const { url } = await getPostgres();
  const schema = await createTestSchema(url);
  const database = await createDatabase({ url, schema: schema.schema, maxConnections: 4 });
  await database.migrateToLatest();
  return {
    database,
    url,
    schema: schema.schema,
    drop: async () => {
      await database.close();
      await schema.drop();
    },
  };
}

export async function seedJobRuns(database: JobcastDatabase, runs: JobRun[]): Promise<void> {
  const result = await new KyselyJobRunRepository(database.db).upsertMany(runs.map((run) => ({ run, raw: null })));
  if (result.rejected.length > 0) throw new Error(`seed rejected: ${JSON.stringify(result.rejected[0])}`);
}

export function trainerEnv(databaseUrl: string, schema: string, storeDir: string, extra: Record<string, string> = {}) {
  return {
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: schema,
    MODEL_STORE_URL: storeDir,
    TRAINER_WORK_DIR: join(storeDir, '..', 'work'),
    TRAINER_CRON: 'off',
    TRAINER_FAMILIES: 'runtime',
    TRAINER_WINDOW_DAYS: '30',
    JOBCAST_CODE_VERSION: 'test',
    ...extra,
  };
}

/** A trainer replica listening on a free port, on its own connection pool. */
export async function startTrainer(env: Record<string, string>, bus: MessageBus | null): Promise<TestTrainer> {
  const app = await NestFactory.create(TrainerModule.forRoot({ config: loadTrainerConfig(env), bus }), { logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, close: () => app.close() };
}

export async function tempFolder(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

export async function getJson(url: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

/** Polls `read` until `done` accepts its value; fails with the last value after `timeoutMs`. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

/** Waits until a training run has finished (succeeded or failed) and returns it. */
export function finishedRun(baseUrl: string, id: string) {
  return waitFor(
    async () => (await getJson(`${baseUrl}/v1/training-runs/${id}`)).body,
    (run) => run.status === 'succeeded' || run.status === 'failed',
  );
}

/** What one trainer integration test runs in: a seeded schema, a temporary folder, and the trainers it started. */
export interface TrainerWorld {
  testDatabase: TestDatabase;
  database: JobcastDatabase;
  folder: { path: string; remove(): Promise<void> };
  /** trainers pushed here are closed after the test */
  trainers: TestTrainer[];
}

/** Registers beforeEach/afterEach hooks giving every test of the suite a fresh world seeded with `seed()`. */
export function useTrainerWorld(seed: () => JobRun[]): TrainerWorld {
  const world = { trainers: [] } as unknown as TrainerWorld;
  beforeEach(async () => {
    world.testDatabase = await openTestDatabase();
    world.database = world.testDatabase.database;
    await seedJobRuns(world.database, seed());
    world.folder = await tempFolder('jobcast-trainer-');
  });
  afterEach(async () => {
    for (const trainer of world.trainers.splice(0)) await trainer.close();
    await world.testDatabase.drop();
    await world.folder.remove();
  });
  return world;
}
