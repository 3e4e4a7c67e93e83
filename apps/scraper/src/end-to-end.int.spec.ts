import 'reflect-metadata';
import { DeadLetterRecord, TERMINAL_JOB_STATUSES, decodeJobStatusMessage } from '@jobcast/contracts';
import { FeaturesModule, JobStatusConsumer, loadFeaturesConfig, openFeaturesAdapters } from '@jobcast/features-app';
import { generateHistory } from '@jobcast/features';
import { KafkaMessageBus, kafkaConfigFromEnv } from '@jobcast/messaging';
import { createTestSchema, getElasticsearch, getKafka, getOpenSearch, getPostgres, uniqueName, type TestSchema } from '@jobcast/testing';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Kafka } from 'kafkajs';
import { loadScraperConfig } from './config';
import { openScraperAdapters } from './distributed-adapters';
import { QueuedSnapshotService } from './scrape/queued-snapshot.service';
import { ScrapeService } from './scrape/scrape.service';
import { ScraperModule } from './scraper.module';
import { JobStatusIndexWriter } from './search/job-status-index-writer';

type Engine = 'elasticsearch' | 'opensearch';

/**
 * Search engine → scraper → Kafka → features → PostgreSQL on real servers. Every test gets its own index, topics,
 * consumer group and database schema.
 */
describe('ingestion end to end', () => {
  let urls: Record<Engine, string>;
  let kafkaBrokers: string;
  let databaseUrl: string;
  const cleanups: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    const [elasticsearch, opensearch, kafka, postgres] = await Promise.all([getElasticsearch(), getOpenSearch(), getKafka(), getPostgres()]);
    urls = { elasticsearch: elasticsearch.url, opensearch: opensearch.url };
    kafkaBrokers = kafka.brokers.join(',');
    databaseUrl = postgres.url;
  }, 20 * 60_000);

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** An isolated world: index, topics, group, schema, and the environment the services would read. */
  async function world(engine: Engine, overrides: NodeJS.ProcessEnv = {}) {
    const schema: TestSchema = await createTestSchema(databaseUrl);
    cleanups.push(() => schema.drop());
    const index = uniqueName('job-status');
    const env: NodeJS.ProcessEnv = {
      KAFKA_BROKERS: kafkaBrokers,
      KAFKA_LOG_LEVEL: 'nothing',
      SCRAPER_ENGINE: engine,
      ELASTICSEARCH_URL: urls.elasticsearch,
      OPENSEARCH_URL: urls.opensearch,
      SCRAPER_INDEX: index,
      SCRAPER_MODE: 'backfill',
      SCRAPER_FROM: '2000-01-01T00:00:00Z',
      SCRAPER_PAGE_SIZE: '500',
      JOB_STATUS_TOPIC: uniqueName('job-status'),
      JOB_STATUS_DLQ_TOPIC: uniqueName('job-status-dlq'),
      FEATURES_GROUP_ID: uniqueName('features'),
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: schema.schema,
      ...overrides,
    };
    const writer = new JobStatusIndexWriter({ engine, url: urls[engine], index });
    cleanups.push(async () => {
      await writer.deleteIndex();
      await writer.close();
    });
    await writer.ensureIndex();
    const load = async (documents: Array<Record<string, unknown>>) => {
      const result = await writer.index(documents);
      await writer.refresh();
      return result;
    };
    return { env, load };
  }

  /** The scraper and the features service, each in its own application context, as in the distributed mode. */
  async function startScraper(env: NodeJS.ProcessEnv) {
    const config = loadScraperConfig(env);
    const adapters = await openScraperAdapters(config, env);
    const app = await NestFactory.createApplicationContext(
      ScraperModule.forRoot({ settings: config.scrape, ...adapters, serveHttp: false }),
      { logger: ['error'] },
    );
    let closing: Promise<void> | null = null;
    const close = () =>
      (closing ??= (async () => {
        await app.close();
        await adapters.close();
      })());
    cleanups.push(close);
    return { app, close, scrape: app.get(ScrapeService), snapshots: app.get(QueuedSnapshotService) };
  }

  async function startFeatures(env: NodeJS.ProcessEnv) {
    const config = loadFeaturesConfig(env);
    const adapters = await openFeaturesAdapters(config, env);
    @Module({ imports: [FeaturesModule.forRoot({ settings: config.ingest, ...adapters, serveHttp: false })] })
    class FeaturesHost {}
    const app: INestApplicationContext = await NestFactory.createApplicationContext(FeaturesHost, { logger: ['error'] });
    await app.get(JobStatusConsumer).start();
    cleanups.push(async () => {
      await app.close();
      await adapters.close();
    });
    const drained = async () => {
      const deadline = Date.now() + 60_000;
      while ((await adapters.bus.lag(config.ingest.topic, config.ingest.groupId)) > 0) {
        if (Date.now() > deadline) throw new Error('the features consumer did not drain the topic within 60 s');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    return { drained, jobRuns: adapters.jobRuns };
  }

  /** Dead-letter records as they arrive on the world's dead-letter topic. */
  async function readDeadLetters(env: NodeJS.ProcessEnv) {
    const records: DeadLetterRecord[] = [];
    const bus = new KafkaMessageBus(new Kafka(kafkaConfigFromEnv('dlq-reader', env)));
    cleanups.push(() => bus.close());
    await bus.subscribe({
      topic: env['JOB_STATUS_DLQ_TOPIC']!,
      groupId: uniqueName('dlq-reader'),
      handler: async (batch) => {
        records.push(...batch.messages.map((message) => DeadLetterRecord.parse(JSON.parse(message.value!.toString()))));
      },
    });
    const until = async (count: number) => {
      const deadline = Date.now() + 30_000;
      while (records.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    };
    return { records, until };
  }

  function syntheticDocuments(jobs: number, seed: number): Array<Record<string, unknown>> {
    return [...generateHistory({ jobs, seed })] as unknown as Array<Record<string, unknown>>;
  }
  const isTerminal = (document: Record<string, unknown>) => (TERMINAL_JOB_STATUSES as readonly unknown[]).includes(document['status']);

  it.each<Engine>(['elasticsearch', 'opensearch'])('%s → Kafka → PostgreSQL stores one row per terminal job indexed', async (engine) => {
    const { env, load } = await world(engine);
    const documents = syntheticDocuments(1_200, 7);
    const loaded = await load(documents);
    expect(loaded.failed).toEqual([]);
    const terminal = documents.filter(isTerminal).length;
    expect(terminal).toBeGreaterThan(1_000);

    const features = await startFeatures(env);
    const summary = await (await startScraper(env)).scrape.scrapeUntilCaughtUp();
    await features.drained();

    expect(summary.documentsRead).toBe(terminal);
    expect(await features.jobRuns.count()).toBe(terminal);
  });

  it('keeps one row with the final values when a job goes queued → started → completed', async () => {
    const { env, load } = await world('elasticsearch');
    const features = await startFeatures(env);
    const scraper = await startScraper(env);
    const job = (status: string, timestamp: string, extra: Record<string, unknown> = {}) => ({
      payload_id: 'payload-overwritten',
      status,
      '@timestamp': timestamp,
      type: 'job-hello_world:develop',
      job: { job_info: { job_queue: 'small', time_queued: '2024-05-01T12:00:00Z', ...extra } },
    });

    await load([job('job-queued', '2024-05-01T12:00:00Z')]);
    await scraper.snapshots.publishSnapshot();
    await scraper.scrape.scrapeUntilCaughtUp();
    await features.drained();
    expect(await features.jobRuns.findByPayloadId('payload-overwritten')).toMatchObject({ status: 'job-queued' });

    await load([job('job-started', '2024-05-01T12:10:00Z', { time_start: '2024-05-01T12:10:00Z' })]);
    await scraper.snapshots.publishSnapshot();
    await scraper.scrape.scrapeUntilCaughtUp();
    await load([
      job('job-completed', '2024-05-01T12:15:00Z', { time_start: '2024-05-01T12:10:00Z', time_end: '2024-05-01T12:15:00Z', duration: 300 }),
    ]);
    await scraper.scrape.scrapeUntilCaughtUp();
    await features.drained();

    expect(await features.jobRuns.count()).toBe(1);
    expect(await features.jobRuns.findByPayloadId('payload-overwritten')).toMatchObject({
      status: 'job-completed',
      queueWaitSeconds: 600,
      durationSeconds: 300,
      endedAt: '2024-05-01T12:15:00.000Z',
    });
  });

  it('resumes from its cursor after a restart, reading only what is new', async () => {
    const { env, load } = await world('opensearch', { SCRAPER_OVERLAP_SECONDS: '0' });
    const documents = syntheticDocuments(800, 11)
      .filter(isTerminal)
      .sort((a, b) => Date.parse(String(a['@timestamp'])) - Date.parse(String(b['@timestamp'])));
    const firstHalf = documents.slice(0, 400);
    const rest = documents.slice(400);
    const features = await startFeatures(env);

    await load(firstHalf);
    const first = await startScraper(env);
    expect((await first.scrape.scrapeUntilCaughtUp()).documentsRead).toBe(firstHalf.length);
    await first.close();

    await load(rest);
    const restarted = await startScraper(env);
    expect((await restarted.scrape.scrapeUntilCaughtUp()).documentsRead).toBe(rest.length);
    await features.drained();
    expect(await features.jobRuns.count()).toBe(documents.length);
  });

  it('sends malformed documents to the dead-letter topic with the reason and keeps going', async () => {
    const { env, load } = await world('elasticsearch');
    const good = (id: string) => ({ payload_id: id, status: 'job-completed', '@timestamp': '2024-05-01T12:00:00Z', type: 'job-a:1' });
    const loaded = await load([
      good('good-1'),
      { status: 'job-completed', '@timestamp': '2024-05-01T12:00:01Z', type: 'job-a:1' },
      { payload_id: 'no-type', status: 'job-completed', '@timestamp': '2024-05-01T12:00:02Z' },
      { ...good('bad-start'), '@timestamp': '2024-05-01T12:00:03Z', job: { job_info: { time_start: 'the day after' } } },
      { ...good('odd-date'), '@timestamp': '2024-05-01T12:00:04Z', job: { job_info: { time_end: '2024-05-01T12:00:04+00:00Z' } } },
      { ...good('huge'), '@timestamp': '2024-05-01T12:00:05Z', short_error: 'x'.repeat(5_000_000) },
      good('good-2'),
    ]);
    expect(loaded.failed).toEqual([]);

    const features = await startFeatures(env);
    const deadLetters = await readDeadLetters(env);

    await (await startScraper(env)).scrape.scrapeUntilCaughtUp();
    await features.drained();
    await deadLetters.until(3);

    expect(deadLetters.records.map((letter) => letter.reason).sort()).toEqual([
      expect.stringMatching(/job\.job_info\.time_start/),
      expect.stringMatching(/payload_id/),
      expect.stringMatching(/^not a usable job_status document: type/),
    ]);
    for (const letter of deadLetters.records) expect(decodeJobStatusMessage(letter.payload).ok).toBe(true);
    const stored = await features.jobRuns.count();
    expect(stored).toBe(4);
    expect(await features.jobRuns.findByPayloadId('odd-date')).toMatchObject({ endedAt: '2024-05-01T12:00:04.000Z' });
  });

  it('dead-letters a document larger than Kafka accepts (over 16 MiB), cut and with the reason, and stores the rest', async () => {
    const { env, load } = await world('elasticsearch');
    const good = (id: string, timestamp: string) => ({ payload_id: id, status: 'job-completed', '@timestamp': timestamp, type: 'job-a:1' });
    const tooLarge = { ...good('too-large', '2024-05-01T12:00:01Z'), short_error: 'x'.repeat(17 * 1024 * 1024) };
    expect((await load([good('before', '2024-05-01T12:00:00Z'), tooLarge, good('after', '2024-05-01T12:00:02Z')])).failed).toEqual([]);

    const features = await startFeatures(env);
    const deadLetters = await readDeadLetters(env);
    await (await startScraper(env)).scrape.scrapeUntilCaughtUp();
    await features.drained();
    await deadLetters.until(1);

    expect(await features.jobRuns.count()).toBe(2);
    expect(deadLetters.records).toEqual([
      expect.objectContaining({ key: 'too-large', sourcePartition: null, sourceOffset: null, payloadTruncated: true }),
    ]);
    expect(deadLetters.records[0].reason).toMatch(/^document of \d+ bytes is larger than .* accepts \(16777216 bytes\)$/);
  });
});
