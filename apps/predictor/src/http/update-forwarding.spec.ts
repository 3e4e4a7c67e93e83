import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StartedPredictor } from '../bootstrap';
import { FixtureModelSource, fixtureRuntimeFamily } from '../../test-support/fixture-models';
import { json } from '../../test-support/json';
import { HOURLY_PRICES, runtimeSamples } from '../../test-support/samples';
import { simpleNormalizer } from '../../test-support/simple-normalizer';
import { startTestPredictor } from '../../test-support/start-test-predictor';

describe('GET /update (SOAMC) forwarded to the trainer', () => {
  let trainer: Server;
  let predictor: StartedPredictor;
  const received: string[] = [];
  let running = false;

  beforeAll(async () => {
    // Stands in for the trainer's POST /v1/training-runs: one run at a time, 409 naming the running one.
    trainer = createServer((request, response) => {
      received.push(`${request.method} ${request.url}`);
      response.setHeader('content-type', 'application/json');
      if (running) {
        response.writeHead(409).end(JSON.stringify({ message: 'a training run is already running', runId: 'run-1' }));
      } else {
        running = true;
        response.writeHead(202).end(JSON.stringify({ id: 'run-1', status: 'queued' }));
      }
    });
    await new Promise<void>((resolve) => trainer.listen(0, '127.0.0.1', resolve));
    const source = new FixtureModelSource();
    source.set('runtime', 'runtime-v1', fixtureRuntimeFamily(runtimeSamples(), HOURLY_PRICES));
    predictor = await startTestPredictor({
      modelSource: source,
      normalizeJobStatus: simpleNormalizer,
      env: { TRAINER_URL: `http://127.0.0.1:${(trainer.address() as AddressInfo).port}` },
    });
  });
  afterAll(async () => {
    await predictor.app.close();
    await new Promise((resolve) => trainer.close(resolve));
  });

  it('starts one run, then answers that one is already running', async () => {
    const first = await fetch(`${predictor.httpUrl}/update`);
    expect(first.status).toBe(202);
    expect(await json(first)).toEqual({ id: 'run-1', status: 'queued' });
    const second = await fetch(`${predictor.httpUrl}/update`);
    expect(second.status).toBe(409);
    expect((await json(second)).runId).toBe('run-1');
    expect(received).toEqual(['POST /v1/training-runs', 'POST /v1/training-runs']);
  });
});
