import 'reflect-metadata';
import { type DeadLetterRecord, type JobStatusEnvelope, decodeJobStatusMessage, encodeJobStatusMessage } from '@jobcast/contracts';
import { type JobcastDatabase, KyselyJobRunRepository, createDatabase } from '@jobcast/db';
import { InProcessMessageBus, type IncomingMessage, type MessageBatch } from '@jobcast/messaging';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FeaturesModule } from '../features.module';
import { JobStatusIngestService } from './job-status-ingest.service';

const settings = { topic: 'job-status', deadLetterTopic: 'job-status-dlq', groupId: 'features' };

function completedJob(payloadId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    payload_id: payloadId,
    status: 'job-completed',
    '@timestamp': '2024-05-01T12:40:03.120456Z',
    type: 'job-hello_world:develop',
    job: {
      job_info: {
        job_queue: 'factotum-job_worker-small',
        time_queued: '2024-05-01T12:00:01Z',
        time_start: '2024-05-01T12:38:10Z',
        time_end: '2024-05-01T12:40:03Z',
        duration: 113,
        facts: { ec2_instance_type: 'c5.9xlarge' },
      },
    },
    ...overrides,
  };
}

let offset = 0;
function messageOf(value: string | null, key: string | null = null): IncomingMessage {
  return { topic: settings.topic, partition: 0, offset: String(offset++), key, value: value === null ? null : Buffer.from(value), headers: {} };
}
function envelopeMessage(document: Record<string, unknown>): IncomingMessage {
  const envelope: JobStatusEnvelope = {
    origin: { engine: 'elasticsearch', index: 'job_status-2024.05.01', documentId: String(document['payload_id'] ?? 'no-id') },
    scrapedAt: '2024-05-01T13:00:00Z',
    document,
  };
  const encoded = encodeJobStatusMessage(envelope);
  return messageOf(encoded.value, encoded.key);
}
const batchOf = (...messages: IncomingMessage[]): MessageBatch => ({ topic: settings.topic, partition: 0, messages });

describe('JobStatusIngestService', () => {
  let database: JobcastDatabase;
  let bus: InProcessMessageBus;
  let app: INestApplicationContext;
  let ingest: JobStatusIngestService;
  let jobRuns: KyselyJobRunRepository;
  let deadLetters: DeadLetterRecord[];

  beforeAll(async () => {
    database = await createDatabase({ url: 'pglite://memory' });
    await database.migrateToLatest();
    jobRuns = new KyselyJobRunRepository(database.db);
  });
  afterAll(() => database.close());

  beforeEach(async () => {
    await database.db.deleteFrom('job_runs').execute();
    bus = new InProcessMessageBus();
    deadLetters = [];
    await bus.subscribe({
      topic: settings.deadLetterTopic,
      groupId: 'observer',
      handler: async (batch) => {
        deadLetters.push(...batch.messages.map((message) => JSON.parse(message.value!.toString()) as DeadLetterRecord));
      },
    });
    app = await NestFactory.createApplicationContext(FeaturesModule.forRoot({ settings, bus, jobRuns, serveHttp: false }), {
      logger: false,
    });
    ingest = app.get(JobStatusIngestService);
  });
  afterEach(async () => {
    await app.close();
    await bus.close();
  });

  const deadLettersDrained = async () => {
    while ((await bus.lag(settings.deadLetterTopic, 'observer')) > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  };

  it('normalizes and stores a batch of job_status documents', async () => {
    const summary = await ingest.ingest(batchOf(envelopeMessage(completedJob('a')), envelopeMessage(completedJob('b'))));
    expect(summary).toEqual({ messages: 2, written: 2, stale: 0, deadLettered: 0 });
    const stored = await jobRuns.findByPayloadId('a');
    expect(stored).toMatchObject({
      jobType: 'job-hello_world:develop',
      queue: 'factotum-job_worker-small',
      instanceType: 'c5.9xlarge',
      queueWaitSeconds: 2289,
      durationSeconds: 113,
    });
    expect(stored?.raw).toMatchObject({ payload_id: 'a' });
  });

  it('keeps one row with the final values when queued → started → completed arrive, in any order and twice', async () => {
    const queued = envelopeMessage(completedJob('job', { status: 'job-queued', '@timestamp': '2024-05-01T12:00:01Z' }));
    const started = envelopeMessage(completedJob('job', { status: 'job-started', '@timestamp': '2024-05-01T12:38:10Z' }));
    const completed = envelopeMessage(completedJob('job'));
    await ingest.ingest(batchOf(queued, started));
    await ingest.ingest(batchOf(completed));
    await ingest.ingest(batchOf(started, queued, completed));
    expect(await jobRuns.count()).toBe(1);
    expect(await jobRuns.findByPayloadId('job')).toMatchObject({ status: 'job-completed', durationSeconds: 113 });
  });

  it('dead-letters what cannot be decoded or normalized, with the reason and the original payload, and stores the rest', async () => {
    const notJson = messageOf('{"version":1,', 'broken');
    const missingId = envelopeMessage(completedJob('', { payload_id: undefined }));
    const badDate = envelopeMessage(completedJob('bad-date', { '@timestamp': 'yesterday' }));
    const summary = await ingest.ingest(batchOf(notJson, envelopeMessage(completedJob('good')), missingId, badDate));
    await deadLettersDrained();

    expect(summary).toMatchObject({ messages: 4, written: 1, deadLettered: 3 });
    expect(await jobRuns.count()).toBe(1);
    expect(deadLetters.map((letter) => letter.sourceOffset)).toEqual([notJson.offset, missingId.offset, badDate.offset]);
    expect(deadLetters[0]).toMatchObject({ sourceTopic: settings.topic, key: 'broken', payload: '{"version":1,' });
    expect(deadLetters[0].reason).toMatch(/not JSON/);
    expect(deadLetters[1].reason).toMatch(/payload_id/);
    expect(deadLetters[2].reason).toMatch(/@timestamp/);
    const original = decodeJobStatusMessage(deadLetters[2].payload);
    expect(original.ok && original.envelope.document['payload_id']).toBe('bad-date');
  });

  it('survives a 5 MB string and a `+00:00Z` date without stopping the batch', async () => {
    const huge = envelopeMessage(completedJob('huge', { short_error: 'x'.repeat(5_000_000) }));
    const oddDate = envelopeMessage(completedJob('odd-date', { '@timestamp': '2024-05-01T12:40:03+00:00Z' }));
    const summary = await ingest.ingest(batchOf(huge, oddDate, envelopeMessage(completedJob('after'))));
    await deadLettersDrained();
    expect(summary.written + summary.deadLettered).toBe(3);
    expect(await jobRuns.findByPayloadId('after')).not.toBeNull();
    expect(await jobRuns.findByPayloadId('odd-date')).toMatchObject({ updatedAt: '2024-05-01T12:40:03.000Z' });
    for (const letter of deadLetters) expect(letter.payload!.length).toBeLessThanOrEqual(512 * 1024);
  });
});
