import { Pool } from 'undici';

export interface SteadyRateOptions {
  url: string;
  method: 'GET' | 'POST';
  body?: string;
  /** measured seconds, after the warm-up */
  seconds: number;
  /** seconds at the same rate before the measured ones, left out of the latencies (their errors still count) */
  warmUpSeconds: number;
  ratePerSecond: number;
  /** kept-alive connections at most; requests due while all are busy wait for one, and that wait counts */
  connections: number;
}

export interface SteadyRateFigures {
  /** achieved: measured answers per second from the first measured intended send to the last answer */
  requestsPerSecond: number;
  /** measured answers */
  requests: number;
  /** requests sent during the warm-up: with `requests`, what the CPU figures (whole run) paid for */
  warmUpRequests: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
  /** p99 of each consecutive 10 s of intended send times: whether the tail is spread over the run or one episode */
  windowP99Ms: number[];
  errors: number;
  non2xx: number;
  /** how late the client itself sent, from each request's intended time: its own share of the latencies */
  sendLagP99Ms: number;
  sendLagMaxMs: number;
  /** the generator's own CPU, warm-up included */
  clientCpuSeconds: number;
}

/** Length of the windows whose p99 are reported one by one. */
const WINDOW_SECONDS = 10;

/** Requests still unanswered this long after the last intended send count as errors. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * An open-loop constant-rate load, as wrk2 makes it: request i is due at start + i / rate whatever the answers do, and
 * its latency runs from that intended time to the end of its answer (µs precision). A stalled server or client thus
 * shows in every request that should have been sent meanwhile — coordinated omission is corrected by construction.
 * A timer sends every request whose time has passed, so its own lateness delays requests but never drops them.
 * The first `warmUpSeconds` run at the same rate and are not measured, as wrk2 calibrates for its first 10 s: a fresh
 * client process (and a server meeting a new arrival pattern) stalls while V8 compiles its code.
 */
export function steadyRateLoad(options: SteadyRateOptions): Promise<SteadyRateFigures> {
  const { origin, pathname, search } = new URL(options.url);
  const request = { path: pathname + search, method: options.method, body: options.body, headers: options.body === undefined ? {} : { 'content-type': 'application/json' } };
  // undici's Pool: 20 % less client CPU per request than node:http's keep-alive Agent (README), CPU the predictor shares
  const pool = new Pool(origin, { connections: options.connections });
  const intervalMs = 1000 / options.ratePerSecond;
  const warmUp = Math.round(options.warmUpSeconds * options.ratePerSecond);
  const total = warmUp + Math.round(options.seconds * options.ratePerSecond);
  const latencies = new Float64Array(total).fill(NaN);
  const sendLags = new Float64Array(total);
  let errors = 0;
  let non2xx = 0;
  let settled = 0;
  let lastAnswerAt = 0;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();

  return new Promise((resolve) => {
    let drainTimer: NodeJS.Timeout | undefined;
    let finished = false;
    const finish = () => {
      // once: after a drain timeout, destroying the pool fails the late requests, which settle again
      if (finished) return;
      finished = true;
      clearTimeout(drainTimer);
      void pool.destroy();
      const cpu = process.cpuUsage(cpuBefore);
      const answered = latencies.subarray(warmUp).filter((latency) => !Number.isNaN(latency)).sort();
      const lags = sendLags.subarray(warmUp).sort();
      resolve({
        requestsPerSecond: (answered.length * 1000) / (lastAnswerAt - (start + warmUp * intervalMs)),
        requests: answered.length,
        warmUpRequests: warmUp,
        p50Ms: percentile(answered, 0.5),
        p90Ms: percentile(answered, 0.9),
        p99Ms: percentile(answered, 0.99),
        p999Ms: percentile(answered, 0.999),
        maxMs: answered[answered.length - 1],
        windowP99Ms: windowPercentiles(latencies.subarray(warmUp), WINDOW_SECONDS * options.ratePerSecond, 0.99),
        errors: errors + (total - settled),
        non2xx,
        sendLagP99Ms: percentile(lags, 0.99),
        sendLagMaxMs: lags[lags.length - 1],
        clientCpuSeconds: (cpu.user + cpu.system) / 1e6,
      });
    };
    const settle = () => {
      if (++settled === total) finish();
    };
    const send = (index: number, intendedAt: number) => {
      sendLags[index] = performance.now() - intendedAt;
      pool.request(request).then(
        async (response) => {
          if (response.statusCode < 200 || response.statusCode >= 300) non2xx++;
          await response.body.dump();
          lastAnswerAt = performance.now();
          latencies[index] = lastAnswerAt - intendedAt;
          settle();
        },
        () => {
          errors++;
          settle();
        },
      );
    };
    let sent = 0;
    const sendDue = () => {
      const now = performance.now();
      for (; sent < total && start + sent * intervalMs <= now; sent++) send(sent, start + sent * intervalMs);
      if (sent < total) setTimeout(sendDue, start + sent * intervalMs - now);
      else drainTimer = setTimeout(finish, DRAIN_TIMEOUT_MS);
    };
    sendDue();
  });
}

/** The percentile of each consecutive `size` answered latencies (in send order; unanswered ones left out). */
function windowPercentiles(latencies: Float64Array, size: number, share: number): number[] {
  const percentiles: number[] = [];
  for (let from = 0; from < latencies.length; from += size) {
    const answered = latencies.subarray(from, from + size).filter((latency) => !Number.isNaN(latency)).sort();
    if (answered.length > 0) percentiles.push(percentile(answered, share));
  }
  return percentiles;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}
