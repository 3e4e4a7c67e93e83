import { Client, credentials, loadPackageDefinition } from '@grpc/grpc-js';
import { loadSync, type ServiceDefinition } from '@grpc/proto-loader';
import { PREDICTOR_PROTO_PATH, PROTO_ROOT } from '@jobcast/contracts';

export interface BatchFigures {
  predictionsPerSecond: number;
  batches: number;
  batchSize: number;
  inFlight: number;
  meanBatchMs: number;
  /** CPU seconds the client process used: on a 2-core machine, what the predictor could not */
  clientCpuSeconds: number;
}

/**
 * `inFlight` callers each sending batches back to back for `seconds`. Two in flight let the predictor compute one batch
 * while the client decodes the previous answer, as independent callers would; meanBatchMs is per call.
 */
async function timeBatches(seconds: number, batchSize: number, inFlight: number, send: () => Promise<number>): Promise<BatchFigures> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
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
  const cpu = process.cpuUsage(cpuBefore);
  return { predictionsPerSecond: (batches * batchSize) / elapsed, batches, batchSize, inFlight, meanBatchMs: busyMs / batches, clientCpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/*
 * The batch clients count the predictions of each answer instead of decoding them into objects: decoding 10,000
 * predictions costs a client about as much CPU as the predictor spends answering them, and on one 2-core machine that
 * CPU is taken from the predictor. Correct answers are the tests' business; the bench checks that each is complete.
 */

const PREDICTION_START = '{"payloadId":';

/** POST /v1/predict/batch back to back for `seconds`; counts the predictions of the JSON answer. */
export function httpBatchLoad(httpUrl: string, items: unknown[], seconds: number, inFlight: number): Promise<BatchFigures> {
  const body = JSON.stringify({ items });
  return timeBatches(seconds, items.length, inFlight, async () => {
    const response = await fetch(`${httpUrl}/v1/predict/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`batch answered ${response.status}: ${text.slice(0, 300)}`);
    if (!text.startsWith('{"predictions":[') || !text.endsWith(']}')) throw new Error(`batch answer is not a complete predictions list: ${text.slice(0, 100)}…${text.slice(-100)}`);
    let count = 0;
    for (let at = text.indexOf(PREDICTION_START); at !== -1; at = text.indexOf(PREDICTION_START, at + PREDICTION_START.length)) count++;
    return count;
  });
}

const CLIENT_OPTIONS = {
  'grpc.max_receive_message_length': 256 * 1024 * 1024,
  'grpc.max_send_message_length': 256 * 1024 * 1024,
  // a 10,000-prediction answer is ~5 MB: with HTTP/2's default 64 KB window it comes in 64 KB steps, one round trip each
  'grpc-node.flow_control_window': 64 * 1024 * 1024,
};

/** A plain grpc-js client of jobcast.v1.Predictor, as a consumer would write it. */
export function predictorClient(target: string): any {
  const definition = loadPackageDefinition(
    loadSync(PREDICTOR_PROTO_PATH, { includeDirs: [PROTO_ROOT], keepCase: false, longs: Number, enums: String, defaults: false, oneofs: true }),
  ) as any;
  return new definition.jobcast.v1.Predictor(target, credentials.createInsecure(), CLIENT_OPTIONS);
}

/**
 * jobcast.v1.Predictor/PredictBatch back to back for `seconds`: the request encoded once (by proto-loader), each answer
 * left as bytes and its predictions counted on the wire.
 */
export async function grpcBatchLoad(target: string, items: unknown[], seconds: number, inFlight: number): Promise<BatchFigures> {
  const method = (loadSync(PREDICTOR_PROTO_PATH, { includeDirs: [PROTO_ROOT], keepCase: false })['jobcast.v1.Predictor'] as ServiceDefinition)['PredictBatch'];
  const request = method.requestSerialize({ items });
  const client = new Client(target, credentials.createInsecure(), CLIENT_OPTIONS);
  const asBytes = (bytes: Buffer) => bytes;
  try {
    return await timeBatches(seconds, items.length, inFlight, () =>
      new Promise((resolve, reject) =>
        client.makeUnaryRequest(method.path, asBytes, asBytes, request, (error, answer) => {
          if (error) return reject(error);
          try {
            resolve(countPredictions(answer!));
          } catch (countError) {
            reject(countError);
          }
        }),
      ),
    );
  } finally {
    client.close();
  }
}

/** Entries of PredictBatchResponse's `predictions` (field 1, length-delimited): walks the top-level fields. */
function countPredictions(answer: Buffer): number {
  let count = 0;
  let at = 0;
  const varint = (): number => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = answer[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < answer.length) {
    if (varint() !== ((1 << 3) | 2)) throw new Error(`unexpected field in a PredictBatch answer at byte ${at}`);
    const length = varint();
    at += length;
    count++;
  }
  return count;
}
