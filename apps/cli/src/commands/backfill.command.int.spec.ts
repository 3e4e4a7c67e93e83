import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, KyselyJobRunRepository } from '@jobcast/db';
import { JobStatusIndexWriter } from '@jobcast/scraper';
import { createTestSchema, getElasticsearch, getKafka, getOpenSearch, getPostgres, uniqueName } from '@jobcast/testing';
import { buildProgram } from '../program';

/**
 * The done-when on a small trace: `jobcast es-load <swf>` then `jobcast backfill --from 2000-01-01` leaves
 * every job of the trace in job_runs with its wait and duration — the SWF record of unknown outcome (status −1,
 * run time −1) included, with its wait and no duration.
 */
const TRACE = [
  '; UnixStartTime: 1027839845',
  '1 0 308434 31405 100 -1 -1 100 86400 -1 1 1 1 -1 -1 1 -1 -1',
  '2 60 25 3600 8 -1 -1 8 7200 -1 0 2 1 -1 -1 1 -1 -1',
  '3 120 5 -1 8 240379 -1 8 345600 -1 -1 5 1 -1 -1 1 -1 -1',
  '',
].join('\n');

describe.each(['elasticsearch', 'opensearch'] as const)('jobcast es-load + backfill (%s)', (engine) => {
  const saved = { ...process.env };
  const cleanups: Array<() => Promise<unknown>> = [];

  afterEach(async () => {
    process.env = { ...saved };
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('stores every job of an SWF trace with its wait and duration', async () => {
    const [search, kafka, postgres] = await Promise.all([
      engine === 'elasticsearch' ? getElasticsearch() : getOpenSearch(),
      getKafka(),
      getPostgres(),
    ]);
    const schema = await createTestSchema(postgres.url);
    cleanups.push(() => schema.drop());
    const folder = await mkdtemp(join(tmpdir(), 'jobcast-backfill-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    const trace = join(folder, 'trace.swf');
    await writeFile(trace, TRACE);
    const index = uniqueName('job-status');
    cleanups.push(async () => {
      const writer = new JobStatusIndexWriter({ engine, url: search.url, index });
      await writer.deleteIndex().finally(() => writer.close());
    });
    process.env = {
      ...saved,
      SCRAPER_ENGINE: engine,
      [engine === 'elasticsearch' ? 'ELASTICSEARCH_URL' : 'OPENSEARCH_URL']: search.url,
      SCRAPER_INDEX: index,
      KAFKA_BROKERS: kafka.brokers.join(','),
      KAFKA_LOG_LEVEL: 'nothing',
      JOB_STATUS_TOPIC: uniqueName('job-status'),
      JOB_STATUS_DLQ_TOPIC: uniqueName('job-status-dlq'),
      FEATURES_GROUP_ID: uniqueName('features'),
      DATABASE_URL: postgres.url,
      DATABASE_SCHEMA: schema.schema,
    };
    const printed: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await buildProgram().exitOverride().parseAsync(['node', 'jobcast', 'es-load', trace, '--index', index]);
      await buildProgram().exitOverride().parseAsync(['node', 'jobcast', 'backfill', '--from', '2000-01-01']);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
    expect(printed[printed.length - 1]).toContain('3 documents read, 3 stored, 0 dead-lettered; job_runs holds 3 rows');

    const database = await createDatabase({ url: postgres.url, schema: schema.schema });
    try {
      const runs = new KyselyJobRunRepository(database.db);
      const stored = await Promise.all(['swf:1', 'swf:2', 'swf:3'].map((payloadId) => runs.findByPayloadId(payloadId)));
      expect(stored.map((run) => [run?.status, run?.queueWaitSeconds, run?.durationSeconds])).toEqual([
        ['job-completed', 308434, 31405],
        ['job-failed', 25, 3600],
        ['job-unknown', 5, null],
      ]);
    } finally {
      await database.close();
    }
  });
});
