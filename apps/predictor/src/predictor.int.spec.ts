import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PredictionMessage, type ModelsEvent } from '@jobcast/contracts';
import { createDatabase, ModelRegistryRepository, TrainingRunRepository, type JobcastDatabase } from '@jobcast/db';
import { normalizeJobStatus } from '@jobcast/features';
import { KafkaMessageBus, ensureTopics, type IncomingMessage, type Subscription } from '@jobcast/messaging';
import { FolderModelStore, RUN_RECORD_FILE, RunRecord } from '@jobcast/models';
import { createTestSchema, getKafka, getPostgres, uniqueName, type TestSchema } from '@jobcast/testing';
import { Kafka, logLevel } from 'kafkajs';
import { readFile } from 'node:fs/promises';
import type { StartedPredictor } from './bootstrap';
import { FAMILY_LOADERS } from './models/family-loaders';
import { RegistryModelSource } from './models/registry-model-source';
import { comparable, predictorGrpcClient, type PredictorGrpcClient } from '../test-support/grpc-client';
import { jobStatusDocument, jobStatusMessage } from '../test-support/job-status-messages';
import { json } from '../test-support/json';
import { finishedRuns, storeCalcloudRun, storeRuntimeRun, syntheticCalcloudRows } from '../test-support/stored-runs';
import { startTestPredictor } from '../test-support/start-test-predictor';

// The predictor against real servers: champions from the trainer's registry in PostgreSQL and a model store folder,
// queued jobs and model events on Kafka. Every suite uses its own schema and topics.

const CALCLOUD_PARAMS = { ipppssoot: 'ia2l51030', DETECTOR: 'UVIS', DRIZCORR: 'PERFORM', PCTECORR: 'PERFORM', CRSPLIT: 2, n_files: 7, total_mb: 105 };

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('predictor on real Kafka and PostgreSQL', () => {
  const topics = { jobStatus: uniqueName('job-status'), predictions: uniqueName('predictions'), models: uniqueName('models') };
  let store: string;
  let schema: TestSchema;
  let database: JobcastDatabase;
  let registry: ModelRegistryRepository;
  let trainingRuns: TrainingRunRepository;
  let kafka: Kafka;
  let bus: KafkaMessageBus;
  let predictor: StartedPredictor & { grpcTarget: string };
  let grpc: PredictorGrpcClient;
  let reader: Subscription;
  const published: IncomingMessage[] = [];

  /** Registers a stored run as a model version and promotes it, as the trainer's gate would. */
  async function registerChampion(family: string, runDir: string): Promise<ModelsEvent> {
    const record = RunRecord.parse(JSON.parse(await readFile(join(runDir, RUN_RECORD_FILE), 'utf8')));
    const run = await trainingRuns.create({
      id: randomUUID(), status: 'running', family, name: record.runName, runKey: record.runName, trigger: 'manual', sweepId: null,
      params: {}, owner: 'predictor-int', dataFrom: null, dataTo: null,
    });
    const version = await registry.register({
      id: randomUUID(), family, kind: record.kind, version: record.runName, runId: run.id, metrics: {}, primaryMetric: record.primaryMetric.name,
      primaryDirection: record.primaryMetric.direction, primaryValue: record.primaryMetric.value, location: runDir, checksums: record.checksums,
    });
    const { champion, previous } = await registry.promote(version.id, 'test');
    return {
      type: 'champion-promoted', family, kind: champion.kind, modelId: champion.id, version: champion.version, location: champion.location,
      checksums: champion.checksums, metrics: {}, previousModelId: previous?.id ?? null, reason: 'gate', promotedAt: new Date().toISOString(),
    };
  }

  const post = (path: string, body: unknown) =>
    fetch(`${predictor.httpUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const servingVersion = async (family: string) => (await json(await fetch(`${predictor.httpUrl}/v1/models`))).families[family]?.version;

  beforeAll(async () => {
    const [{ brokers }, { url }] = await Promise.all([getKafka(), getPostgres()]);
    schema = await createTestSchema(url);
    database = await createDatabase({ url, schema: schema.schema, maxConnections: 2 });
    await database.migrateToLatest();
    registry = new ModelRegistryRepository(database.db);
    trainingRuns = new TrainingRunRepository(database.db);
    store = await mkdtemp(join(tmpdir(), 'predictor-store-'));
    await registerChampion('runtime', await storeRuntimeRun(store, 'runtime-v1', finishedRuns(90)));
    await registerChampion('calcloud', await storeCalcloudRun(store, 'calcloud-v1', syntheticCalcloudRows(600)));

    kafka = new Kafka({ clientId: 'predictor-int', brokers, logLevel: logLevel.NOTHING });
    await ensureTopics(kafka, Object.values(topics), { numPartitions: 1 });
    bus = new KafkaMessageBus(kafka);
    predictor = await startTestPredictor({
      modelSource: new RegistryModelSource(registry, new FolderModelStore(store), FAMILY_LOADERS),
      normalizeJobStatus,
      bus,
      topics,
    });
    grpc = predictorGrpcClient(predictor.grpcTarget);
    reader = await bus.subscribe({ topic: topics.predictions, groupId: uniqueName('reader'), handler: async (batch) => void published.push(...batch.messages) });
  }, 10 * 60_000);

  afterAll(async () => {
    grpc?.close();
    await reader?.stop();
    await predictor?.app.close();
    await bus?.close();
    await database?.close();
    await schema?.drop();
    if (store) await rm(store, { recursive: true, force: true });
  }, 60_000); // leaving a consumer group waits for the broker's coordinator: beyond Jest's 5 s on a just-started broker

  it('answers the same queued job identically over Kafka, HTTP and gRPC', async () => {
    const payloadId = randomUUID();
    const document = jobStatusDocument(payloadId, 'job-queued', 'job-hello_world:develop', 'c5.9xlarge');
    (document['job'] as Record<string, unknown>)['params'] = CALCLOUD_PARAMS;
    await bus.publish(topics.jobStatus, [jobStatusMessage(document)]);

    const message = await until(async () => published.find((m) => m.key === payloadId), 'the Kafka prediction');
    const overKafka = PredictionMessage.parse(JSON.parse(message.value!.toString())).prediction;
    const overHttp = await json(await post('/v1/predict', document));
    const overGrpc = await grpc.call('predict', { jobStatusJson: JSON.stringify(document) });

    expect(overHttp).toEqual(overKafka);
    expect(comparable(overGrpc)).toEqual(comparable(overHttp, true));
    expect(overKafka).toMatchObject({ payloadId, jobType: 'job-hello_world:develop', instance: 'c5.9xlarge', models: { runtime: 'runtime-v1', calcloud: 'calcloud-v1' } });
    expect(overKafka.memory?.binProbabilities).toHaveLength(4);
    expect(overKafka.runtime).toMatchObject({ level: 'job-type+instance', fallback: false });
    expect((await json(await fetch(`${predictor.httpUrl}/v1/queuetime?size=0`))).njobs).toBe(1);
  });

  it('swaps the runtime model on a models event with no failed request, and refuses a broken one', async () => {
    let stop = false;
    const failures: number[] = [];
    let answered = 0;
    const load = (async () => {
      while (!stop) {
        const response = await post('/v1/predict', { jobType: 'job-hello_world:develop', instanceType: 'c5.9xlarge' });
        await response.arrayBuffer();
        if (response.status !== 200) failures.push(response.status);
        answered++;
      }
    })();
    try {
      const v2 = await registerChampion('runtime', await storeRuntimeRun(store, 'runtime-v2', finishedRuns(90, 3)));
      // The listener joins its group from the latest offset; repeating the event until it lands is harmless.
      await until(async () => {
        await bus.publish(topics.models, [{ key: 'runtime', value: JSON.stringify(v2) }]);
        return (await servingVersion('runtime')) === 'runtime-v2' ? true : undefined;
      }, 'runtime-v2 to serve');

      const brokenDir = await storeRuntimeRun(store, 'runtime-broken', finishedRuns(90));
      const broken = await registerChampion('runtime', brokenDir);
      await writeFile(join(brokenDir, 'models', 'runtime_model.json'), '{}');
      await bus.publish(topics.models, [{ key: 'runtime', value: JSON.stringify(broken) }]);
      const health = await until(async () => {
        const body = await json(await fetch(`${predictor.httpUrl}/health`));
        return body.degraded ? body : undefined;
      }, 'the refusal of runtime-broken');
      expect(health).toMatchObject({ status: 'degraded', ready: true, families: { runtime: { version: 'runtime-v2' } } });
      expect(health.refusals[0]).toMatchObject({ family: 'runtime', reason: expect.stringContaining('failed verification') });
    } finally {
      stop = true;
      await load;
    }
    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(0);
    const prediction = await json(await post('/v1/predict', { jobType: 'job-hello_world:develop', instanceType: 'c5.9xlarge' }));
    expect(prediction.models.runtime).toBe('runtime-v2');
  });
});
