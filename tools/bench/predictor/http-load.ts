import autocannon from 'autocannon';

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** fixed-rate runs: autocannon's own p99, whose coordinated-omission correction assumes a 1 ms interval (below) */
  autocannonP99Ms?: number;
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
  seconds: number;
  connections: number;
  /** fixed arrival rate over all connections; unset = as fast as the server answers */
  ratePerSecond?: number;
}

/**
 * One autocannon run; latency percentiles in milliseconds.
 *
 * At a fixed rate the percentiles come from every 2xx response's own latency (µs precision), corrected for
 * coordinated omission with each connection's real interval (connections / rate). autocannon's histogram corrects with
 * `Math.ceil(1 / rate)` of a rate per second (run.js) — 1 ms for any rate above 1/s — so every answer slower than 1 ms
 * gains phantom samples (~18 % of its entries in a 1,000/s run against the predictor), and it keeps whole milliseconds
 * only. Its figure is still reported beside ours.
 */
export async function httpLoad(options: LoadOptions): Promise<LoadFigures> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      {
        url: options.url,
        method: options.method ?? 'GET',
        body: options.body,
        headers: options.body ? { 'content-type': 'application/json' } : undefined,
        duration: options.seconds,
        connections: options.connections,
        overallRate: options.ratePerSecond,
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    if (options.ratePerSecond) {
      const intervalMs = (1000 * options.connections) / options.ratePerSecond;
      run.on('response', (_client, statusCode, _bytes, ms) => {
        if (statusCode >= 200 && statusCode < 300) recordCorrected(latencies, ms, intervalMs);
      });
    }
  });
  const figures: LoadFigures = {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
  if (!options.ratePerSecond || latencies.length === 0) return figures;
  latencies.sort((a, b) => a - b);
  return { ...figures, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99), maxMs: latencies[latencies.length - 1], autocannonP99Ms: result.latency.p99 };
}

/** HdrHistogram's correction: a response slower than the interval stands for the requests that waited behind it. */
function recordCorrected(latencies: number[], ms: number, intervalMs: number): void {
  latencies.push(ms);
  for (let missed = ms - intervalMs; missed >= intervalMs; missed -= intervalMs) latencies.push(missed);
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}
