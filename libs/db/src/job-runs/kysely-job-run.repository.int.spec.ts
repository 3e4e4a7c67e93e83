import type { JobRun } from '@jobcast/contracts';
import { createTestSchema, getPostgres } from '@jobcast/testing';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createDatabase, type JobcastDatabase } from '../connection/create-database';
import type { JobRunRecord } from './job-run.repository';
import { KyselyJobRunRepository } from './kysely-job-run.repository';

/** An empty database for one suite, and how to throw it away. */
interface SuiteDatabase {
  database: JobcastDatabase;
  dispose(): Promise<void>;
}

// The same suite on both engines: the embedded PGlite in memory, and a real PostgreSQL server from the harness
// (DATABASE_URL, else tools/stack) in a schema of its own.
const engines: Array<[string, () => Promise<SuiteDatabase>]> = [
  [
    'PGlite',
    async () => {
      const database = await createDatabase({ url: 'pglite://memory', schema: `test_${randomUUID().replaceAll('-', '')}` });
      return { database, dispose: () => database.close() };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const testSchema = await createTestSchema((await getPostgres()).url);
      const database = await createDatabase({ url: testSchema.url, schema: testSchema.schema, maxConnections: 2 });
      return {
        database,
        dispose: async () => {
          await database.close();
          await testSchema.drop();
        },
      };
    },
  ],
];

function run(payloadId: string, overrides: Partial<JobRun> = {}): JobRun {
  return {
    payloadId,
    source: 'hysds',
    jobId: `job-${payloadId}`,
    jobType: 'job-hello_world:develop',
    queue: 'factotum-job_worker-small',
    instanceType: 'c5.9xlarge',
    status: 'job-completed',
    exitCode: 0,
    queuedAt: '2024-05-01T12:00:01.123Z',
    startedAt: '2024-05-01T12:38:10.000Z',
    endedAt: '2024-05-01T12:40:03.000Z',
    updatedAt: '2024-05-01T12:40:03.120Z',
    queueWaitSeconds: 2288.877,
    durationSeconds: 113,
    commandDurationSeconds: 95.2,
    inputCount: 1,
    inputBytes: 1_048_576,
    outputBytes: 2_097_152,
    peakMemoryBytes: 3_221_225_472,
    cpuCount: 36,
    tags: ['my-tag'],
    features: { n_files: 7, mode: 'fast', dry_run: false, note: null },
    ...overrides,
  };
}

const record = (jobRun: JobRun, raw: Record<string, unknown> | null = { payload_id: jobRun.payloadId }): JobRunRecord => ({
  run: jobRun,
  raw,
});

describe.each(engines)('KyselyJobRunRepository on %s', (engine, open) => {
  let suite: SuiteDatabase | undefined;
  let database: JobcastDatabase;
  let repository: KyselyJobRunRepository;

  beforeAll(async () => {
    suite = await open();
    database = suite.database;
    await database.migrateToLatest();
    repository = new KyselyJobRunRepository(database.db);
  });

  afterAll(async () => {
    await suite?.dispose();
  });

  it('works in the chosen schema', async () => {
    const { rows } = await sql<{ schema: string; tables: number }>`
      select current_schema() as schema,
             (select count(*)::int from information_schema.tables
               where table_schema = ${database.schema} and table_name = 'job_runs') as tables`.execute(database.db);
    expect(rows).toEqual([{ schema: database.schema, tables: 1 }]);
  });

  beforeEach(async () => {
    await database.db.deleteFrom('job_runs').execute();
  });

  it('compresses raw documents with lz4 where the engine has it (PostgreSQL; PGlite keeps the default)', async () => {
    const { rows } = await sql<{ compression: string }>`
      select attcompression as compression from pg_attribute
       where attrelid = 'job_runs'::regclass and attname = 'raw'`.execute(database.db);
    expect(rows).toEqual([{ compression: engine === 'PGlite' ? '' : 'l' }]);
  });

  it('migrates once: a second run applies nothing', async () => {
    expect(await database.migrateToLatest()).toEqual([]);
  });

  it('stores a run and reads it back unchanged, with its raw document', async () => {
    const stored = run('p-1');
    expect(await repository.upsertMany([record(stored, { payload_id: 'p-1', nested: { a: [1, 2] } })])).toEqual({
      written: 1,
      stale: 0,
      rejected: [],
    });
    const found = await repository.findByPayloadId('p-1');
    expect(found).toMatchObject({ ...stored, raw: { payload_id: 'p-1', nested: { a: [1, 2] } } });
    expect(Date.parse(found!.ingestedAt)).not.toBeNaN();
    expect(await repository.findByPayloadId('missing')).toBeNull();
  });

  it('is idempotent: replaying a batch leaves one row per payload', async () => {
    const batch = [record(run('p-1')), record(run('p-2'))];
    await repository.upsertMany(batch);
    await repository.upsertMany(batch);
    expect(await repository.count()).toBe(2);
  });

  it('never lets an older status overwrite a newer one; an equal time overwrites', async () => {
    await repository.upsertMany([record(run('p-1', { status: 'job-completed', updatedAt: '2024-05-01T12:40:00.000Z' }))]);
    const older = await repository.upsertMany([
      record(run('p-1', { status: 'job-started', updatedAt: '2024-05-01T12:38:00.000Z' })),
    ]);
    expect(older).toEqual({ written: 0, stale: 1, rejected: [] });
    expect((await repository.findByPayloadId('p-1'))?.status).toBe('job-completed');

    await repository.upsertMany([record(run('p-1', { status: 'job-failed', updatedAt: '2024-05-01T12:40:00.000Z' }))]);
    expect((await repository.findByPayloadId('p-1'))?.status).toBe('job-failed');
  });

  it('keeps the newest of several records of one payload in the same batch', async () => {
    const result = await repository.upsertMany([
      record(run('p-1', { status: 'job-started', updatedAt: '2024-05-01T12:38:00.000Z' })),
      record(run('p-1', { status: 'job-completed', updatedAt: '2024-05-01T12:40:00.000Z' })),
      record(run('p-1', { status: 'job-queued', updatedAt: '2024-05-01T12:00:00.000Z' })),
    ]);
    expect(result).toEqual({ written: 1, stale: 2, rejected: [] });
    expect((await repository.findByPayloadId('p-1'))?.status).toBe('job-completed');
  });

  it('stores text with NUL characters (which PostgreSQL cannot hold) without them', async () => {
    await repository.upsertMany([record(run('p-nul', { jobType: 'job-a\u0000b' }), { text: 'x\u0000y' })]);
    const found = await repository.findByPayloadId('p-nul');
    expect(found).toMatchObject({ jobType: 'job-ab', raw: { text: 'xy' } });
  });

  it('stores the raw document text the caller already holds as it is, unless it escapes a NUL character', async () => {
    await repository.upsertMany([
      { ...record(run('p-text'), { payload_id: 'p-text' }), rawJson: '{"payload_id": "p-text", "kept": true}' },
      { ...record(run('p-nul-text'), { text: 'x\u0000y' }), rawJson: JSON.stringify({ text: 'x\u0000y' }) },
    ]);
    expect((await repository.findByPayloadId('p-text'))?.raw).toEqual({ payload_id: 'p-text', kept: true });
    expect((await repository.findByPayloadId('p-nul-text'))?.raw).toEqual({ text: 'xy' });
  });

  it('treats payload ids that differ only by NUL characters as one job', async () => {
    const result = await repository.upsertMany([
      record(run('p\u0000x', { updatedAt: '2024-05-01T12:00:00.000Z' })),
      record(run('px', { status: 'job-failed', updatedAt: '2024-05-01T12:01:00.000Z' })),
    ]);
    expect(result).toEqual({ written: 1, stale: 1, rejected: [] });
    expect((await repository.findByPayloadId('px'))?.status).toBe('job-failed');
  });

  it('writes the good rows of a batch and reports the rows the database refuses', async () => {
    const result = await repository.upsertMany([
      record(run('good-1')),
      record(run('bad'), { [`key\u0000`]: 1 }),
      record(run('good-2')),
    ]);
    expect(result.written).toBe(2);
    expect(result.rejected).toEqual([{ payloadId: 'bad', reason: expect.any(String) }]);
    expect(await repository.count()).toBe(2);
  });

  it('writes a large batch (5,000 rows, one statement)', async () => {
    const runs = Array.from({ length: 5_000 }, (_, index) => record(run(`bulk-${index}`)));
    expect((await repository.upsertMany(runs)).written).toBe(5_000);
    expect(await repository.count()).toBe(5_000);
  });

  it('counts and pages training runs by filter, in (updatedAt, payloadId) order', async () => {
    await repository.upsertMany([
      record(run('a', { updatedAt: '2024-05-01T00:00:00.000Z' })),
      record(run('b', { updatedAt: '2024-05-02T00:00:00.000Z' })),
      record(run('c', { updatedAt: '2024-05-02T00:00:00.000Z' })),
      record(run('d', { updatedAt: '2024-05-03T00:00:00.000Z', jobType: 'job-other' })),
      record(run('e', { updatedAt: '2024-05-04T00:00:00.000Z', source: 'calcloud', status: 'job-failed' })),
    ]);
    expect(await repository.count()).toBe(5);
    expect(await repository.count({ source: 'hysds', jobType: 'job-hello_world:develop' })).toBe(3);
    expect(await repository.count({ statuses: ['job-failed'] })).toBe(1);
    expect(await repository.count({ statuses: [] })).toBe(0);
    expect(await repository.count({ from: '2024-05-02T00:00:00.000Z', to: '2024-05-04T00:00:00.000Z' })).toBe(3);

    const pages: string[][] = [];
    for await (const page of repository.findForTraining({ pageSize: 2 })) pages.push(page.map((r) => r.payloadId));
    expect(pages).toEqual([['a', 'b'], ['c', 'd'], ['e']]);

    const limited: string[] = [];
    for await (const page of repository.findForTraining({ source: 'hysds', pageSize: 2, limit: 3 })) {
      limited.push(...page.map((r) => r.payloadId));
    }
    expect(limited).toEqual(['a', 'b', 'c']);
  });
});
