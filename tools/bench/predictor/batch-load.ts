import { credentials, loadPackageDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PREDICTOR_PROTO_PATH, PROTO_ROOT } from '@jobcast/contracts';

export interface BatchFigures {
  predictionsPerSecond: number;
  batches: number;
  batchSize: number;
  inFlight: number;
  meanBatchMs: number;
}

/**
 * `inFlight` callers each sending batches back to back for `seconds`. Two in flight let the predictor compute one batch
 * while the client decodes the previous answer, as independent callers would; meanBatchMs is per call.
 */
async function timeBatches(seconds: number, batchSize: number, inFlight: number, send: () => Promise<number>): Promise<BatchFigures> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let batches = 0;
  let busyMs = 0;
  const caller = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      const answered = await send();
      if (answered !== batchSize) throw new Error(`a batch of ${batchSize} answered ${answered} predictions`);
      busyMs += performance.now() - sent;
      batches++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, caller));
  const elapsed = (performance.now() - started) / 1000;
  return { predictionsPerSecond: (batches * batchSize) / elapsed, batches, batchSize, inFlight, meanBatchMs: busyMs / batches };
}

/** POST /v1/predict/batch back to back for `seconds`. */
export function httpBatchLoad(httpUrl: string, items: unknown[], seconds: number, inFlight: number): Promise<BatchFigures> {
  const body = JSON.stringify({ items });
  return timeBatches(seconds, items.length, inFlight, async () => {
    const response = await fetch(`${httpUrl}/v1/predict/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    if (response.status !== 200) throw new Error(`batch answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    return ((await response.json()) as { predictions: unknown[] }).predictions.length;
  });
}

/** A plain grpc-js client of jobcast.v1.Predictor, as a consumer would write it. */
export function predictorClient(target: string): any {
  const definition = loadPackageDefinition(
    loadSync(PREDICTOR_PROTO_PATH, { includeDirs: [PROTO_ROOT], keepCase: false, longs: Number, enums: String, defaults: false, oneofs: true }),
  ) as any;
  return new definition.jobcast.v1.Predictor(target, credentials.createInsecure(), {
    'grpc.max_receive_message_length': 256 * 1024 * 1024,
    'grpc.max_send_message_length': 256 * 1024 * 1024,
  });
}

/** jobcast.v1.Predictor/PredictBatch back to back for `seconds`. */
export async function grpcBatchLoad(target: string, items: unknown[], seconds: number, inFlight: number): Promise<BatchFigures> {
  const client = predictorClient(target);
  try {
    return await timeBatches(seconds, items.length, inFlight, () =>
      new Promise((resolve, reject) =>
        client.predictBatch({ items }, (error: Error | null, response: { predictions: unknown[] }) => (error ? reject(error) : resolve(response.predictions.length))),
      ),
    );
  } finally {
    client.close();
  }
}
