import 'reflect-metadata';
import { DeadLetterRecord, MAX_DEAD_LETTER_PAYLOAD_CHARS, decodeJobStatusMessage } from '@jobcast/contracts';
import { type JobcastDatabase, createDatabase } from '@jobcast/db';
import { InProcessMessageBus, type MessageBatch, type OutgoingMessage } from '@jobcast/messaging';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ScrapeSettings } from '../config';
import { KyselyScrapeCursorStore } from '../cursor/kysely-scrape-cursor-store';
import { ScraperModule } from '../scraper.module';
import type { PageRequest, SearchSource, SearchedDocument } from '../search/search-source.port';
import { ScrapeService } from './scrape.service';

/** A search engine in an array, ordered and filtered the way the real adapters query. */
class ArraySearchSource implements SearchSource {
  readonly engine = 'file' as const;
  readonly index = 'job_status-test';
  documents: Array<Record<string, unknown>> = [];
  failuresLeft = 0;

  async readPage(request: PageRequest): Promise<SearchedDocument[]> {
    if (this.failuresLeft-- > 0) throw new Error('connect ECONNREFUSED');
    return this.documents
      .map((source) => ({
        id: String(source['payload_id']),
        index: this.index,
        position: { timestampMs: Date.parse(String(source['@timestamp'])), tiebreaker: String(source['payload_id']) },
        source,
      }))
      .filter((document) => request.statuses.includes(String(document.source['status'])))
      .filter((document) => !request.since || document.position.timestampMs >= request.since.getTime())
      .filter(
        ({ position }) =>
          !request.after ||
          position.timestampMs > request.after.timestampMs ||
          (position.timestampMs === request.after.timestampMs && position.tiebreaker > request.after.tiebreaker),
      )
      .sort((a, b) => a.position.timestampMs - b.position.timestampMs || (a.position.tiebreaker < b.position.tiebreaker ? -1 : 1))
      .slice(0, request.size);
  }

  async close(): Promise<void> {}
}

/** A bus that refuses a number of publishes first, like Kafka while it is down. */
class FlakyBus extends InProcessMessageBus {
  failuresLeft = 0;
  override async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (this.failuresLeft-- > 0) throw new Error('Connection error: connect ECONNREFUSED');
    return super.publish(topic, messages);
  }
}

const job = (id: string, timestamp: string, status = 'job-completed') => ({
  payload_id: id,
  status,
  '@timestamp': timestamp,
  type: 'job-hello_world:develop',
});

const settings: ScrapeSettings = {
  mode: 'backfill',
  cursorName: 'test',
  from: new Date('2000-01-01T00:00:00Z'),
  pollIntervalMs: 10,
  pageSize: 2,
  overlapMs: 60_000,
  statuses: ['job-completed', 'job-failed'],
  queuedSnapshotIntervalMs: 0,
  topic: 'job-status',
  deadLetterTopic: 'job-status-dlq',
  maxMessageBytes: 64 * 1024,
};

describe('ScrapeService', () => {
  let database: JobcastDatabase;
  let source: ArraySearchSource;
  let bus: FlakyBus;
  let published: string[];
  let apps: INestApplicationContext[];

  beforeAll(async () => {
    database = await createDatabase({ url: 'pglite://memory' });
    await database.migrateToLatest();
  });
  afterAll(() => database.close());

  beforeEach(async () => {
    await database.db.deleteFrom('scrape_cursors' as never).execute();
    source = new ArraySearchSource();
    bus = new FlakyBus();
    published = [];
    apps = [];
    await bus.subscribe({
      topic: settings.topic,
      groupId: 'observer',
      handler: async (batch: MessageBatch) => {
        for (const message of batch.messages) {
          const decoded = decodeJobStatusMessage(message.value);
          if (decoded.ok) published.push(`${message.key}:${decoded.envelope.document['status']}`);
        }
      },
    });
  });
  afterEach(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await bus.close();
  });

  async function scraper(overrides: Partial<ScrapeSettings> = {}): Promise<ScrapeService> {
    const app = await NestFactory.createApplicationContext(
      ScraperModule.forRoot({
        settings: { ...settings, ...overrides },
        searchSource: source,
        bus,
        cursors: new KyselyScrapeCursorStore(database.db),
        serveHttp: false,
      }),
      { logger: false },
    );
    apps.push(app);
    return app.get(ScrapeService);
  }

  const drained = async () => {
    while ((await bus.lag(settings.topic, 'observer')) > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  };

  it('publishes every terminal document in order, keyed by payload_id, and skips other statuses', async () => {
    source.documents = [
      job('c', '2024-01-01T00:00:03Z'),
      job('a', '2024-01-01T00:00:01Z'),
      job('q', '2024-01-01T00:00:02Z', 'job-queued'),
      job('b', '2024-01-01T00:00:02Z', 'job-failed'),
      job('d', '2024-01-01T00:00:04Z'),
    ];
    const summary = await (await scraper()).scrapeUntilCaughtUp();
    await drained();
    expect(published).toEqual(['a:job-completed', 'b:job-failed', 'c:job-completed', 'd:job-completed']);
    expect(summary).toMatchObject({ documentsRead: 4, documentsPublished: 4 });
    expect(summary.cursor).toEqual({ timestampMs: Date.parse('2024-01-01T00:00:04Z'), tiebreaker: 'd' });
  });

  it('resumes from its stored cursor after a restart, re-reading only the overlap window', async () => {
    source.documents = [job('a', '2024-01-01T00:00:00Z'), job('b', '2024-01-01T01:00:00Z')];
    await (await scraper()).scrapeUntilCaughtUp();
    source.documents.push(job('c', '2024-01-01T02:00:00Z'));
    const restarted = await scraper();
    const summary = await restarted.scrapeUntilCaughtUp();
    await drained();
    // b lies inside the overlap window before the cursor, so the new process publishes it once more (idempotent downstream)
    expect(summary.documentsPublished).toBe(2);
    expect(published).toEqual(['a:job-completed', 'b:job-completed', 'b:job-completed', 'c:job-completed']);
  });

  it('does not publish the overlap window again within one process, but does publish an overwrite', async () => {
    source.documents = [job('a', '2024-01-01T00:00:00Z')];
    const service = await scraper();
    await service.scrapeUntilCaughtUp();
    const again = await service.scrapeUntilCaughtUp();
    expect(again).toMatchObject({ documentsRead: 1, documentsPublished: 0 });
    source.documents = [job('a', '2024-01-01T00:00:30Z', 'job-failed')];
    await service.scrapeUntilCaughtUp();
    await drained();
    expect(published).toEqual(['a:job-completed', 'a:job-failed']);
  });

  it('picks up a document indexed late, inside the overlap window', async () => {
    source.documents = [job('a', '2024-01-01T00:00:00Z'), job('c', '2024-01-01T00:00:40Z')];
    const service = await scraper();
    await service.scrapeUntilCaughtUp();
    source.documents.push(job('b', '2024-01-01T00:00:20Z'));
    await service.scrapeUntilCaughtUp();
    await drained();
    expect(published).toEqual(['a:job-completed', 'c:job-completed', 'b:job-completed']);
  });

  it('waits out a search engine and a Kafka that are down, losing nothing', async () => {
    source.documents = [job('a', '2024-01-01T00:00:00Z'), job('b', '2024-01-01T00:00:01Z'), job('c', '2024-01-01T00:00:02Z')];
    source.failuresLeft = 2;
    bus.failuresLeft = 2;
    const summary = await (await scraper()).scrapeUntilCaughtUp();
    await drained();
    expect(summary.documentsPublished).toBe(3);
    expect(published).toEqual(['a:job-completed', 'b:job-completed', 'c:job-completed']);
  });

  it('dead-letters a document larger than the topic accepts, cut and with the reason, and goes on', async () => {
    const deadLetters: DeadLetterRecord[] = [];
    await bus.subscribe({
      topic: settings.deadLetterTopic,
      groupId: 'dlq-observer',
      handler: async (batch) => {
        deadLetters.push(...batch.messages.map((message) => DeadLetterRecord.parse(JSON.parse(message.value!.toString()))));
      },
    });
    const huge = { ...job('huge', '2024-01-01T00:00:01Z'), short_error: 'x'.repeat(MAX_DEAD_LETTER_PAYLOAD_CHARS + 1) };
    source.documents = [job('a', '2024-01-01T00:00:00Z'), huge, job('b', '2024-01-01T00:00:02Z')];
    const summary = await (await scraper()).scrapeUntilCaughtUp();
    await drained();
    while ((await bus.lag(settings.deadLetterTopic, 'dlq-observer')) > 0) await new Promise((resolve) => setTimeout(resolve, 5));

    expect(published).toEqual(['a:job-completed', 'b:job-completed']);
    expect(summary.cursor?.tiebreaker).toBe('b');
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({ key: 'huge', sourceTopic: settings.topic, sourcePartition: null, payloadTruncated: true });
    expect(deadLetters[0].reason).toMatch(/larger than job-status accepts \(65536 bytes\)/);
    expect(deadLetters[0].payload).toHaveLength(MAX_DEAD_LETTER_PAYLOAD_CHARS);
  });

  it('starts a new cursor at the configured date', async () => {
    source.documents = [job('old', '2019-12-31T23:59:59Z'), job('new', '2020-01-01T00:00:00Z')];
    await (await scraper({ from: new Date('2020-01-01T00:00:00Z') })).scrapeUntilCaughtUp();
    await drained();
    expect(published).toEqual(['new:job-completed']);
  });
});
