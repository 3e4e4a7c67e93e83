import { predictorClient } from './batch-load';

export interface UnaryFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  requests: number;
}

/** `concurrency` callers each sending jobcast.v1.Predictor/Predict back to back for `seconds`; latency per call. */
export async function grpcUnaryLoad(target: string, request: unknown, seconds: number, concurrency: number): Promise<UnaryFigures> {
  const client = predictorClient(target);
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const caller = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      await new Promise<void>((resolve) =>
        client.predict(request, (error: Error | null) => {
          if (error) errors++;
          latencies.push(performance.now() - started);
          resolve();
        }),
      );
    }
  };
  const began = performance.now();
  try {
    await Promise.all(Array.from({ length: concurrency }, caller));
  } finally {
    client.close();
  }
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { requestsPerSecond: latencies.length / elapsed, p50Ms: at(0.5), p99Ms: at(0.99), errors, requests: latencies.length };
}
