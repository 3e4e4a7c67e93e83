import { ReleaseHistory } from '@jobcast/models';
import type { StartedPredictor } from '../bootstrap';
import { FixtureModelSource, fixtureCalcloudModel, fixtureRuntimeFamily } from '../../test-support/fixture-models';
import { HOURLY_PRICES, runtimeSamples } from '../../test-support/samples';
import { startTestPredictor } from '../../test-support/start-test-predictor';
import { json } from '../../test-support/json';

const unusedNormalizer = () => ({ ok: false as const, reason: 'no job_status documents in this suite' });

function fixtureSource(): FixtureModelSource {
  const source = new FixtureModelSource();
  source.set('runtime', 'runtime-v1', fixtureRuntimeFamily(runtimeSamples(), HOURLY_PRICES));
  source.set('calcloud', 'calcloud-v1', fixtureCalcloudModel());
  source.set('condor-hold', 'condor-hold-v1', { history: ReleaseHistory.fromCounts({ '13': { samples: 4, succeeded: 3 } }) });
  return source;
}

/**
 * 7.0 was released from a code-13 hold and terminated normally; 7.1 is held with code 13 and 7.2 for memory (it used
 * 1,210 MB) at the log's end; one line belongs to no record.
 */
const CONDOR_LOG = [
  '012 (7.0.0) 2024-01-31 10:00:00 Job was held.',
  '\tTransfer input files failure',
  '\tCode 13 Subcode 2',
  '...',
  '013 (7.0.0) 2024-01-31 10:05:00 Job was released.',
  '...',
  '005 (7.0.0) 2024-01-31 10:30:00 Job terminated.',
  '\t(1) Normal termination (return value 0)',
  '...',
  'stray line',
  '012 (7.1.0) 2024-01-31 11:00:00 Job was held.',
  '\tCode 13 Subcode 2',
  '...',
  '006 (7.2.0) 2024-01-31 11:00:00 Image size of job updated: 1353492',
  '\t1210  -  MemoryUsage of job (MB)',
  '...',
  '012 (7.2.0) 2024-01-31 11:01:00 Job was held.',
  '\tCode 34 Subcode 0',
  '...',
].join('\n');

describe('predictor HTTP API', () => {
  let predictor: StartedPredictor;
  const get = (path: string, init?: RequestInit) => fetch(`${predictor.httpUrl}${path}`, init);
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${predictor.httpUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  beforeAll(async () => {
    predictor = await startTestPredictor({
      modelSource: fixtureSource(),
      normalizeJobStatus: unusedNormalizer,
      env: { PREDICTOR_ADMIN_TOKEN: 'secret', PREDICTOR_BODY_LIMIT: '64kb' },
    });
  });
  afterAll(() => predictor.app.close());

  it('answers SOAMC /runtime with its field names and two-decimal strings', async () => {
    const response = await get('/runtime?jobtype=job-hello_world:develop&instance=c5.9xlarge');
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ name: 'job-hello_world:develop', instance: 'c5.9xlarge', mean: '122.50', stdev: '14.36', units: 'seconds' });
  });

  it('answers /v1/runtime with numbers and flags a fallback for an unknown instance', async () => {
    const known = await json(await get('/v1/runtime?jobtype=job-hello_world:develop&instance=c5.9xlarge'));
    expect(known).toMatchObject({ mean: 122.5, p50: 122.5, samples: 40, fallback: false, units: 'seconds', modelVersion: 'runtime-v1' });
    const unknown = await json(await get('/v1/runtime?jobtype=job-hello_world:develop&instance=x9.huge'));
    expect(unknown).toMatchObject({ fallback: true, level: 'job-type', samples: 80 });
  });

  it('prices /runcost with the instance price (USD)', async () => {
    const soamc = await json(await get('/runcost?jobtype=job-hello_world:develop&instance=c5.9xlarge'));
    expect(soamc).toEqual({ name: 'job-hello_world:develop', instance: 'c5.9xlarge', mean: ((122.5 * 1.53) / 3600).toFixed(2), stdev: ((14.361 * 1.53) / 3600).toFixed(2), units: 'USD' });
    const v1 = await json(await get('/v1/runcost?jobtype=job-hello_world:develop&instance=c5.9xlarge'));
    expect(v1.mean).toBeCloseTo((122.5 * 1.53) / 3600, 10);
    expect(v1).toMatchObject({ hourlyUsd: 1.53, priceFallback: false, units: 'USD' });
  });

  it('answers /queuetime in SOAMC shape (nothing queued without a bus)', async () => {
    expect(await json(await get('/queuetime?size=10&nodes=2'))).toEqual({ name: 'Queue Time Estimate', njobs: 0, min: 0, max: 0, units: 'day' });
  });

  it('predicts calcloud keywords: memory bin, GB, wallclock, kill time, cost, model versions', async () => {
    const response = await post('/v1/predict', { dataset: 'ia2l51030', n_files: 7, total_mb: 105, DETECTOR: 'UVIS', DRIZCORR: 'PERFORM' });
    expect(response.status).toBe(200);
    const prediction = await json(response);
    expect(prediction).toMatchObject({
      payloadId: 'ia2l51030',
      jobType: 'job-hst_calibration:wfc3',
      memory: { bin: 0, gb: 1.55, costAwareBin: 0, costAwareInstance: 'c5a.2xlarge' },
      wallclock: { seconds: 760, killTimeSeconds: 1520, source: 'calcloud' },
      cost: { instance: 'c5a.2xlarge', units: 'USD' },
      models: { calcloud: 'calcloud-v1', runtime: 'runtime-v1', prices: 'prices-test' },
    });
    expect(prediction.memory.binProbabilities).toHaveLength(4);
    expect(prediction.cost.expectedUsd).toBeCloseTo((760 * 0.308) / 3600, 10);
    expect(prediction.runtime.fallback).toBe(true);
  });

  it('predicts a JobRun-like job: runtime statistics and the cost on each instance it ran on', async () => {
    const prediction = await json(await post('/v1/predict', { jobType: 'job-hello_world:develop', instanceType: 'm5.xlarge' }));
    expect(prediction.memory).toBeNull();
    expect(prediction.runtime).toMatchObject({ mean: 235, fallback: false });
    expect(prediction.wallclock).toMatchObject({ source: 'runtime', seconds: prediction.runtime.p50 });
    expect(prediction.cost.instance).toBe('m5.xlarge');
    expect(prediction.cost.perInstance.map((cost: { instance: string }) => cost.instance).sort()).toEqual(['c5.9xlarge', 'm5.xlarge']);
    expect(prediction.notes.join(' ')).toContain('memory: needs calcloud keywords');
  });

  it('rejects bad input with 400 naming the field', async () => {
    const response = await post('/v1/predict', { dataset: 'ia2l51030', n_files: 'seven', total_mb: 105 });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.issues[0].field).toBe('n_files');
    expect((await post('/v1/predict', { nothing: 1 })).status).toBe(400);
    expect((await post('/v1/predict', '{"broken": ')).status).toBe(400);
    const query = await get('/runtime?instance=c5.9xlarge');
    expect(query.status).toBe(400);
    expect((await json(query)).issues[0].field).toBe('jobtype');
  });

  it('answers 413 for an oversized body or batch, 400 naming the item of a bad batch', async () => {
    expect((await post('/v1/predict', { jobType: 'x'.repeat(70_000) })).status).toBe(413);
    const tooMany = await post('/v1/predict/batch', `{"items":[${'0,'.repeat(10_000)}0]}`);
    expect(tooMany.status).toBe(413);
    const bad = await post('/v1/predict/batch', { items: [{ jobType: 'job-hello_world:develop' }, { dataset: 'ia2l51030', n_files: -1, total_mb: 1 }] });
    expect(bad.status).toBe(400);
    expect((await json(bad)).issues[0].field).toBe('items.1.n_files');
  });

  it('predicts a batch in order, each as the single call would', async () => {
    const items = [{ jobType: 'job-hello_world:develop' }, { dataset: 'j8cb01u2q', n_files: 1, total_mb: 3 }];
    const { predictions } = await json(await post('/v1/predict/batch', { items }));
    expect(predictions).toHaveLength(2);
    expect(predictions[1]).toEqual(await json(await post('/v1/predict', items[1])));
  });

  it('advises each job on hold in a posted HTCondor log from the condor-hold champion plus the log', async () => {
    const response = await post('/v1/condor/advice', { log: CONDOR_LOG, maxMemoryMb: 4096 });
    expect(response.status).toBe(200);
    const answer = await json(response);
    expect(answer).toMatchObject({
      jobs: 3,
      model: 'condor-hold-v1',
      history: 'condor-hold condor-hold-v1 plus the log: 5 released jobs that finished',
      rejected: [{ line: 10 }],
    });
    expect(answer.advice).toEqual([
      expect.objectContaining({
        jobId: '7.1',
        action: 'release',
        reason: '4 of 5 released jobs with hold code 13 terminated normally (estimate 0.71), above 0.5',
        evidence: { kind: 'history', holdCode: '13', samples: 5, succeeded: 4, estimate: 5 / 7, threshold: 0.5, minSamples: 3 },
      }),
      expect.objectContaining({ jobId: '7.2', action: 'release', evidence: expect.objectContaining({ kind: 'memory', usageMb: 1210, recommendedMemoryMb: 1452, maxMemoryMb: 4096 }) }),
    ]);
    const strict = await json(await post('/v1/condor/advice', { log: CONDOR_LOG, threshold: 0.75, minSamples: 6 }));
    expect(strict.advice[0]).toMatchObject({ jobId: '7.1', action: 'leave-to-user' });
  });

  it('rejects a bad advice request with 400 naming the field, and an oversized log with 413', async () => {
    const field = async (body: unknown) => {
      const response = await post('/v1/condor/advice', body);
      expect(response.status).toBe(400);
      return (await json(response)).issues[0].field;
    };
    expect(await field({})).toBe('log');
    expect(await field({ log: '' })).toBe('log');
    expect(await field({ log: CONDOR_LOG, threshold: 1 })).toBe('threshold');
    expect(await field({ log: CONDOR_LOG, minSamples: -1 })).toBe('minSamples');
    expect(await field({ log: CONDOR_LOG, maxMemoryMb: 'lots' })).toBe('maxMemoryMb');
    expect(await field({ log: CONDOR_LOG, year: 20 })).toBe('year');
    expect(await field({ log: CONDOR_LOG, advice: true })).toBe('(body)');
    expect((await post('/v1/condor/advice', { log: CONDOR_LOG.repeat(200) })).status).toBe(413);
  });

  it('reports health, models, metrics and the OpenAPI document', async () => {
    const health = await get('/health');
    expect(health.status).toBe(200);
    expect(await json(health)).toMatchObject({ status: 'ok', ready: true, degraded: false, families: { runtime: { version: 'runtime-v1' }, 'condor-hold': { version: 'condor-hold-v1' } } });
    expect((await json(await get('/v1/models'))).families.calcloud.version).toBe('calcloud-v1');
    const metrics = await (await get('/metrics')).text();
    expect(metrics).toContain('predictor_http_requests_total{route="/v1/predict",method="POST",status="200"}');
    expect(metrics).toContain('predictor_http_request_duration_seconds_bucket');
    expect((await get('/docs')).headers.get('content-type')).toContain('text/html');
    const openapi = await json(await get('/docs/openapi.json'));
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/runtime', '/runcost', '/queuetime', '/update', '/v1/predict', '/v1/predict/batch', '/v1/queuetime', '/v1/models', '/v1/condor/advice']));
  });

  it('guards /update and admin routes with the bearer token', async () => {
    expect((await get('/update')).status).toBe(401);
    const authorized = await get('/update', { headers: { authorization: 'Bearer secret' } });
    expect(authorized.status).toBe(503);
    expect((await json(authorized)).message).toContain('TRAINER_URL');
    expect((await post('/v1/models/reload', {})).status).toBe(401);
    expect((await post('/v1/models/reload', { family: 'runtime' }, { authorization: 'Bearer secret' })).status).toBe(200);
  });
});

describe('predictor without models', () => {
  it('is live but not ready, answers 503 to predictions, and reports why', async () => {
    const source = new FixtureModelSource();
    source.fail('runtime', 'store unreachable');
    const predictor = await startTestPredictor({ modelSource: source, normalizeJobStatus: unusedNormalizer });
    try {
      const health = await fetch(`${predictor.httpUrl}/health`);
      expect(health.status).toBe(503);
      const body = await json(health);
      expect(body).toMatchObject({ status: 'not-ready', live: true, ready: false, degraded: true });
      expect(body.refusals.map((refusal: { reason: string }) => refusal.reason).join()).toContain('store unreachable');
      expect((await fetch(`${predictor.httpUrl}/health/live`)).status).toBe(200);
      const predict = await fetch(`${predictor.httpUrl}/v1/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jobType":"a"}' });
      expect(predict.status).toBe(503);
    } finally {
      await predictor.app.close();
    }
  });
});

describe('predictor without a condor-hold model', () => {
  it('is ready and not degraded, and advises from the log alone, saying so', async () => {
    const withoutAdvisor = new FixtureModelSource();
    withoutAdvisor.set('runtime', 'runtime-v1', fixtureRuntimeFamily(runtimeSamples(), HOURLY_PRICES));
    withoutAdvisor.set('calcloud', 'calcloud-v1', fixtureCalcloudModel());
    const predictor = await startTestPredictor({ modelSource: withoutAdvisor, normalizeJobStatus: unusedNormalizer });
    try {
      const health = await json(await fetch(`${predictor.httpUrl}/health`));
      expect(health).toMatchObject({ status: 'ok', ready: true, degraded: false, refusals: [], families: { 'condor-hold': null } });
      const response = await fetch(`${predictor.httpUrl}/v1/condor/advice`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ log: CONDOR_LOG }) });
      const answer = await json(response);
      expect(answer).toMatchObject({ model: null, history: 'the log alone (no condor-hold model serving): 1 released jobs that finished' });
      expect(answer.advice[0]).toMatchObject({ jobId: '7.1', action: 'leave-to-user' });
    } finally {
      await predictor.app.close();
    }
  });
});
