import { status } from '@grpc/grpc-js';
import type { StartedPredictor } from '../bootstrap';
import { FixtureModelSource, fixtureCalcloudModel, fixtureRuntimeFamily } from '../../test-support/fixture-models';
import { comparable, predictorGrpcClient, type PredictorGrpcClient } from '../../test-support/grpc-client';
import { HOURLY_PRICES, runtimeSamples } from '../../test-support/samples';
import { startTestPredictor } from '../../test-support/start-test-predictor';

const unusedNormalizer = () => ({ ok: false as const, reason: 'no job_status documents in this suite' });
const CALCLOUD_HTTP = { dataset: 'ia2l51030', n_files: 7, total_mb: 305, DETECTOR: 'UVIS', DRIZCORR: 'PERFORM', CRSPLIT: 2 };
const CALCLOUD_GRPC = { calcloud: { dataset: 'ia2l51030', nFiles: 7, totalMb: 305, detector: 'UVIS', drizcorr: 'PERFORM', crsplit: 2 } };

describe('predictor gRPC API (jobcast.v1.Predictor)', () => {
  let predictor: StartedPredictor & { grpcTarget: string };
  let grpc: PredictorGrpcClient;

  beforeAll(async () => {
    const source = new FixtureModelSource();
    source.set('runtime', 'runtime-v1', fixtureRuntimeFamily(runtimeSamples(), HOURLY_PRICES));
    source.set('calcloud', 'calcloud-v1', fixtureCalcloudModel());
    predictor = await startTestPredictor({ modelSource: source, normalizeJobStatus: unusedNormalizer });
    grpc = predictorGrpcClient(predictor.grpcTarget);
  });
  afterAll(async () => {
    grpc.close();
    await predictor.app.close();
  });

  it('answers Predict exactly as POST /v1/predict does', async () => {
    const overGrpc = await grpc.call('predict', CALCLOUD_GRPC);
    const overHttp = await (
      await fetch(`${predictor.httpUrl}/v1/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(CALCLOUD_HTTP) })
    ).json();
    expect(comparable(overGrpc)).toEqual(comparable(overHttp, true));
    expect(overGrpc.memory.bin).toBe(1);
  });

  it('answers PredictBatch in order and names a bad item with INVALID_ARGUMENT', async () => {
    const { predictions } = await grpc.call('predictBatch', { items: [{ job: { jobType: 'job-hello_world:develop', instanceType: 'c5.9xlarge' } }, CALCLOUD_GRPC] });
    expect(predictions.map((p: { jobType: string }) => p.jobType)).toEqual(['job-hello_world:develop', 'job-hst_calibration:wfc3']);
    await expect(grpc.call('predictBatch', { items: [CALCLOUD_GRPC, { calcloud: { dataset: 'ia2l51030', nFiles: -3, totalMb: 1 } }] })).rejects.toMatchObject({
      code: status.INVALID_ARGUMENT,
      details: expect.stringContaining('items.1.n_files'),
    });
  });

  it('rejects a request without input, or with a field out of range, naming it', async () => {
    await expect(grpc.call('predict', {})).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('input') });
    await expect(grpc.call('predict', { jobStatusJson: '{oops' })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('job_status_json') });
    await expect(grpc.call('predict', { job: { jobType: '' } })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringContaining('jobType') });
  });

  it('streams one answer per request, errors included, without ending the stream', async () => {
    const call = grpc.client.predictStream();
    const answers: any[] = [];
    const done = new Promise<void>((resolve, reject) => {
      call.on('data', (answer: unknown) => answers.push(answer));
      call.on('end', resolve);
      call.on('error', reject);
    });
    call.write({ requestId: 'a', ...CALCLOUD_GRPC });
    call.write({ requestId: 'b', calcloud: { dataset: '!', nFiles: 1, totalMb: 1 } });
    call.write({ requestId: 'c', job: { jobType: 'job-SCIFLO_GCOV:release-2.0' } });
    call.end();
    await done;
    expect(answers.map((answer) => [answer.requestId, answer.outcome])).toEqual([
      ['a', 'prediction'],
      ['b', 'error'],
      ['c', 'prediction'],
    ]);
    expect(answers[1].error.issues[0].field).toBe('dataset');
  });

  it('answers QueueTime and the standard health service', async () => {
    expect(await grpc.call('queueTime', { size: 10, nodes: 2 })).toEqual({ name: 'Queue Time Estimate', njobs: 0, min: 0, max: 0, units: 'day' });
    expect(await grpc.check('')).toBe('SERVING');
    expect(await grpc.check('jobcast.v1.Predictor')).toBe('SERVING');
  });

  it('counts and times every call in /metrics by method and the status code sent', async () => {
    const metric = async (series: string) => {
      const text = await (await fetch(`${predictor.httpUrl}/metrics`)).text();
      return Number(text.split('\n').find((line) => line.startsWith(`${series} `))?.slice(series.length + 1) ?? 0);
    };
    const predict = 'method="jobcast.v1.Predictor/Predict"';
    const series = [`predictor_grpc_requests_total{${predict},code="OK"}`, `predictor_grpc_requests_total{${predict},code="INVALID_ARGUMENT"}`,
      `predictor_grpc_request_duration_seconds_count{${predict}}`, 'predictor_grpc_requests_total{method="grpc.health.v1.Health/Check",code="OK"}'];
    const before = await Promise.all(series.map(metric));
    await grpc.call('predict', CALCLOUD_GRPC);
    await expect(grpc.call('predict', {})).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
    await grpc.check('');
    const after = await Promise.all(series.map(metric));
    expect(after.map((value, i) => value - before[i])).toEqual([1, 1, 2, 1]);
  });
});

