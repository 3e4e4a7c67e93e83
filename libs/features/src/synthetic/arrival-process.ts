import { SeededRandom } from './random';

/**
 * When jobs are submitted, and which job type a submission campaign floods. The base rate follows a daily cycle;
 * on top of it, bursts multiply one job type's rate for a few hours (a reprocessing campaign, a data dump), and the
 * last burst runs into the end of the history so that some queues still hold waiting jobs when it ends.
 */
export interface Burst {
  readonly start: number;
  readonly end: number;
  /** Index into the job-type weights. */
  readonly typeIndex: number;
  /** Extra submissions of that type, as a multiple of its usual rate. */
  readonly factor: number;
}

export interface ArrivalPlan {
  /** Submission times, ascending (epoch ms). */
  readonly times: Float64Array;
  /** For each submission, the job type a burst forced, or -1 to draw from the usual mix. */
  readonly burstType: Int32Array;
  readonly bursts: readonly Burst[];
  /** Jobs per second of the usual mix, before the daily cycle. */
  readonly baseRatePerSecond: number;
}

const hourMs = 3_600_000;
const dailyAmplitude = 0.35;

export function planArrivals(
  random: SeededRandom,
  options: {
    jobs: number;
    start: number;
    days: number;
    typeWeights: readonly number[];
    /** Job types the closing burst may flood: long-running ones, so a backlog is left at the end. */
    closingBurstTypes: readonly number[];
  },
): ArrivalPlan {
  if (options.closingBurstTypes.length === 0) throw new Error('planArrivals needs at least one closing-burst job type');
  const spanMs = options.days * 24 * hourMs;
  const totalWeight = options.typeWeights.reduce((sum, w) => sum + w, 0);
  const bursts = planBursts(random, options.start, spanMs, options.typeWeights, totalWeight, options.closingBurstTypes);
  // Choose the base rate so that the usual mix plus the bursts add up to the requested jobs over the span.
  const burstShareSeconds = bursts.reduce(
    (sum, b) =>
      sum + (b.factor * options.typeWeights[b.typeIndex] * Math.max(0, Math.min(b.end, options.start + spanMs) - b.start)) / totalWeight / 1000,
    0,
  );
  const baseRatePerSecond = options.jobs / (spanMs / 1000 + burstShareSeconds);

  const times = new Float64Array(options.jobs);
  const burstType = new Int32Array(options.jobs);
  let now = options.start;
  let burstIndex = 0;
  for (let i = 0; i < options.jobs; i++) {
    while (burstIndex < bursts.length && bursts[burstIndex].end <= now) burstIndex++;
    const burst = burstIndex < bursts.length && bursts[burstIndex].start <= now ? bursts[burstIndex] : null;
    const usualRate = baseRatePerSecond * (1 + dailyAmplitude * Math.sin((2 * Math.PI * (now - 8 * hourMs)) / (24 * hourMs)));
    const burstRate = burst ? (baseRatePerSecond * burst.factor * options.typeWeights[burst.typeIndex]) / totalWeight : 0;
    now += random.exponential(1000 / (usualRate + burstRate));
    times[i] = now;
    burstType[i] = burst && random.chance(burstRate / (usualRate + burstRate)) ? burst.typeIndex : -1;
  }
  return { times, burstType, bursts, baseRatePerSecond };
}

function planBursts(
  random: SeededRandom,
  start: number,
  spanMs: number,
  typeWeights: readonly number[],
  totalWeight: number,
  closingBurstTypes: readonly number[],
): Burst[] {
  const pickType = (): number => {
    let target = random.next() * totalWeight;
    for (let i = 0; i < typeWeights.length; i++) {
      target -= typeWeights[i];
      if (target < 0) return i;
    }
    return typeWeights.length - 1;
  };
  const bursts: Burst[] = [];
  const finalStart = start + spanMs * 0.96;
  const count = Math.max(1, Math.round(spanMs / (60 * hourMs)));
  // Non-overlapping: each burst starts after the previous one ended.
  let cursor = start + random.uniform(0.02, 0.1) * spanMs;
  for (let i = 0; i < count && cursor < finalStart; i++) {
    const durationMs = random.uniform(1, 6) * hourMs;
    const burstEnd = Math.min(cursor + durationMs, finalStart);
    bursts.push({ start: cursor, end: burstEnd, typeIndex: pickType(), factor: random.uniform(1, 3) });
    cursor = burstEnd + random.exponential(spanMs / count);
  }
  bursts.push({ start: Math.max(finalStart, cursor), end: Number.POSITIVE_INFINITY, typeIndex: random.pick(closingBurstTypes), factor: random.uniform(6, 10) });
  return bursts;
}
