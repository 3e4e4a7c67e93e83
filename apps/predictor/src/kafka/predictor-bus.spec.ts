import { PredictionMessage, type ModelsEvent } from '@jobcast/contracts';
import { InProcessMessageBus, type IncomingMessage } from '@jobcast/messaging';
import { randomUUID } from 'node:crypto';
import type { StartedPredictor } from '../bootstrap';
import { FixtureModelSource, fixtureCalcloudModel, fixtureRuntimeFamily } from '../../test-support/fixture-models';
import { jobStatusDocument, jobStatusMessage } from '../../test-support/job-status-messages';
import { HOURLY_PRICES, runtimeSamples } from '../../test-support/samples';
import { simpleNormalizer } from '../../test-support/simple-normalizer';
import { startTestPredictor } from '../../test-support/start-test-predictor';
import { json } from '../../test-support/json';

const TOPICS = { jobStatus: 'job-status', predictions: 'predictions', models: 'models' };

function modelsEvent(family: string, version: string): ModelsEvent {
  return {
    type: 'champion-promoted', family, kind: 'test', modelId: randomUUID(), version, location: `fixture:${version}`,
    checksums: {}, metrics: {}, previousModelId: null, reason: 'gate', promotedAt: new Date().toISOString(),
  };
}

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('predictor on a message bus (in-process adapter)', () => {
  let bus: InProcessMessageBus;
  let source: FixtureModelSource;
  let predictor: StartedPredictor;
  const published: IncomingMessage[] = [];

  beforeAll(async () => {
    bus = new InProcessMessageBus();
    source = new FixtureModelSource();
    source.set('runtime', 'runtime-v1', fixtureRuntimeFamily(runtimeSamples(), HOURLY_PRICES));
    source.set('calcloud', 'calcloud-v1', fixtureCalcloudModel());
    predictor = await startTestPredictor({ modelSource: source, normalizeJobStatus: simpleNormalizer, bus, topics: TOPICS });
    await bus.subscribe({ topic: TOPICS.predictions, groupId: 'test-reader', handler: async (batch) => void published.push(...batch.messages) });
  });
  afterAll(async () => {
    await predictor.app.close();
    await bus.close();
  });

  it('publishes a prediction for each queued job (key = payload_id), equal to the HTTP answer, and tracks the queue', async () => {
    const payloadId = randomUUID();
    const document = jobStatusDocument(payloadId, 'job-queued');
    await bus.publish(TOPICS.jobStatus, [jobStatusMessage(document), jobStatusMessage(jobStatusDocument(randomUUID(), 'job-completed'))]);
    const message = await until(() => published.find((m) => m.key === payloadId), 'the prediction message');
    const value = PredictionMessage.parse(JSON.parse(message.value!.toString()));
    const overHttp = await json(await fetch(`${predictor.httpUrl}/v1/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(document) }));
    expect(value.prediction).toEqual(overHttp);
    expect(value.prediction.runtime).toMatchObject({ fallback: false, level: 'job-type+instance' });
    expect((await json(await fetch(`${predictor.httpUrl}/v1/queuetime?size=0&nodes=1`))).njobs).toBe(1);

    await bus.publish(TOPICS.jobStatus, [jobStatusMessage(jobStatusDocument(payloadId, 'job-started'))]);
    await until(async () => ((await json(await fetch(`${predictor.httpUrl}/v1/queuetime`))).njobs === 0 ? true : undefined), 'the job to leave the queue');
    expect(published.filter((m) => m.key === payloadId)).toHaveLength(1);
  });

  it('counts, and skips, messages that are not job-status envelopes', async () => {
    await bus.publish(TOPICS.jobStatus, [{ key: 'x', value: '{not json' }]);
    await until(async () => ((await (await fetch(`${predictor.httpUrl}/metrics`)).text()).includes('predictor_job_status_messages_total{outcome="undecodable"} 1') ? true : undefined), 'the undecodable count');
  });

  it('swaps models on an event with no failed request, and refuses a broken one while the previous keeps serving', async () => {
    let stop = false;
    const failures: number[] = [];
    let answered = 0;
    const load = (async () => {
      while (!stop) {
        const response = await fetch(`${predictor.httpUrl}/v1/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jobType":"job-hello_world:develop"}' });
        await response.arrayBuffer();
        if (response.status !== 200) failures.push(response.status);
        answered++;
      }
    })();

    const slower = runtimeSamples().map((sample) => ({ ...sample, seconds: sample.seconds * 2 }));
    source.set('runtime', 'runtime-v2', fixtureRuntimeFamily(slower, HOURLY_PRICES));
    await bus.publish(TOPICS.models, [{ key: 'runtime', value: JSON.stringify(modelsEvent('runtime', 'runtime-v2')) }]);
    await until(async () => ((await json(await fetch(`${predictor.httpUrl}/v1/models`))).families.runtime.version === 'runtime-v2' ? true : undefined), 'runtime-v2 to serve');

    // A model whose answers are not numbers fails validation; v2 keeps serving and health says degraded.
    const broken = fixtureRuntimeFamily(runtimeSamples(), HOURLY_PRICES);
    source.set('runtime', 'runtime-broken', { ...broken, runtime: { ...broken.runtime, estimate: () => ({ ...broken.runtime.estimate('*', '*'), mean: Number.NaN }) } });
    await bus.publish(TOPICS.models, [{ key: 'runtime', value: JSON.stringify(modelsEvent('runtime', 'runtime-broken')) }]);
    const health = await until(async () => {
      const body = await json(await fetch(`${predictor.httpUrl}/health`));
      return body.degraded ? body : undefined;
    }, 'the refusal');
    stop = true;
    await load;

    expect(health).toMatchObject({ status: 'degraded', ready: true, families: { runtime: { version: 'runtime-v2' } } });
    expect(health.refusals[0].reason).toContain('runtime mean for (*, *) is NaN');
    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThan(0);
    const prediction = await json(await fetch(`${predictor.httpUrl}/v1/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jobType":"job-hello_world:develop","instanceType":"c5.9xlarge"}' }));
    expect(prediction.models.runtime).toBe('runtime-v2');
    expect(prediction.runtime.mean).toBe(245);
  });
});
