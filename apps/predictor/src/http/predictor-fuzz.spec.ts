import type { StartedPredictor } from '../bootstrap';
import { FixtureModelSource, fixtureCalcloudModel, fixtureRuntimeFamily } from '../../test-support/fixture-models';
import { randomJson, randomQuery, seededRandom } from '../../test-support/random-inputs';
import { HOURLY_PRICES, runtimeSamples } from '../../test-support/samples';
import { simpleNormalizer } from '../../test-support/simple-normalizer';
import { startTestPredictor } from '../../test-support/start-test-predictor';
import { predictorGrpcClient } from '../../test-support/grpc-client';
import { status } from '@grpc/grpc-js';

const CASES = 3000;
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261121);
// Thousands of requests one after another: a few seconds on a quiet machine, more on a busy CI host.
const FUZZ_TIMEOUT_MS = 60_000;
const POST_ROUTES = ['/v1/predict', '/v1/predict/batch', '/v1/models/reload', '/v1/condor/advice'];
const GET_ROUTES = ['/runtime', '/runcost', '/queuetime', '/v1/runtime', '/v1/runcost', '/v1/queuetime', '/v1/models', '/health'];

describe('predictor fuzz', () => {
  let predictor: StartedPredictor & { grpcTarget: string };

  beforeAll(async () => {
    const source = new FixtureModelSource();
    source.set('runtime', 'runtime-v1', fixtureRuntimeFamily(runtimeSamples(), HOURLY_PRICES));
    source.set('calcloud', 'calcloud-v1', fixtureCalcloudModel());
    predictor = await startTestPredictor({ modelSource: source, normalizeJobStatus: simpleNormalizer, env: { PREDICTOR_BODY_LIMIT: '256kb' } });
  });
  afterAll(() => predictor.app.close());

  it(`answers ${CASES} random bodies and query strings without a 5xx (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < CASES; i++) {
      const asPost = random() < 0.6;
      const route = asPost ? POST_ROUTES[Math.floor(random() * POST_ROUTES.length)] : GET_ROUTES[Math.floor(random() * GET_ROUTES.length)];
      const query = asPost ? '' : `?${randomQuery(random)}`;
      const body = random() < 0.1 ? '{"truncated": [1, 2' : JSON.stringify(route.endsWith('batch') && random() < 0.5 ? { items: randomJson(random) } : randomJson(random));
      const response = await fetch(`${predictor.httpUrl}${route}${query}`, asPost ? { method: 'POST', headers: { 'content-type': 'application/json' }, body } : {});
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 500) failures.push(`${response.status} ${asPost ? 'POST' : 'GET'} ${route}${query} ${asPost ? body.slice(0, 300) : ''}`);
    }
    expect(failures).toEqual([]);
    // Both kinds of answers occurred: the fuzz reached the models, not only the validators.
    expect(statuses.get(200)).toBeGreaterThan(0);
    expect(statuses.get(400)).toBeGreaterThan(0);
    expect((await fetch(`${predictor.httpUrl}/health`)).status).toBe(200);
  }, FUZZ_TIMEOUT_MS);

  it(`answers random gRPC requests with OK or INVALID_ARGUMENT, never INTERNAL (seed ${SEED + 1})`, async () => {
    const random = seededRandom(SEED + 1);
    const grpc = predictorGrpcClient(predictor.grpcTarget);
    const codes = new Map<number, number>();
    try {
      for (let i = 0; i < 500; i++) {
        const value = randomJson(random);
        const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
        const request =
          i % 3 === 0
            ? { jobStatusJson: random() < 0.2 ? text(value).slice(1) : text(value) }
            : i % 3 === 1
              ? { job: { jobType: text(value).slice(0, 600), features: { n_files: text(randomJson(random)), ipst: text(randomJson(random)) } } }
              : { calcloud: { dataset: text(value).slice(0, 40), nFiles: Math.floor(random() * 2e7) - 5, totalMb: random() * 1e10 - 1e3 } };
        const code = await grpc.call('predict', request).then(
          () => status.OK,
          (error: { code: number }) => error.code,
        );
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
    } finally {
      grpc.close();
    }
    expect([...codes.keys()].every((code) => code === status.OK || code === status.INVALID_ARGUMENT)).toBe(true);
    expect(codes.get(status.INVALID_ARGUMENT)).toBeGreaterThan(0);
    expect(codes.get(status.OK)).toBeGreaterThan(0);
  }, FUZZ_TIMEOUT_MS);
});
