import { z } from 'zod';
import { minimumSampleSize, upperBoundRank } from './binomial-order-statistic';

export const QueueTimeEstimatorOptions = z.object({
  /** the wait quantile bounded, e.g. 0.95: the bound should exceed 95 % of waits */
  quantile: z.number().gt(0).lt(1).default(0.95),
  /** confidence that the bound is at or above that quantile */
  confidence: z.number().gt(0).lt(1).default(0.95),
  /** most recent observed waits kept per group */
  windowSize: z.number().int().positive().default(500),
  /** a run of misses less likely than this, were the bound right, marks a change point */
  changePointProbability: z.number().gt(0).lt(1).default(0.01),
});
export type QueueTimeEstimatorOptions = z.infer<typeof QueueTimeEstimatorOptions>;

export interface QueueWaitBound {
  /** upper bound on the wait, seconds */
  boundSeconds: number;
  quantile: number;
  confidence: number;
  /** waits the bound was computed from, observed and still pending */
  samples: number;
  /** `group` = the job's own group answered; `all` = every group pooled, because the group was too short */
  level: 'group' | 'all';
}

/** The pooled history every observation also joins. */
const ALL = '\u0000all';

/**
 * QBETS-style upper bound on queue wait (Nurmi, Brevik, Wolski): the order statistic of recent waits that bounds
 * the chosen quantile at the chosen confidence, per group (a queue, or a class of job sizes), falling back to all
 * groups pooled while a group is too short. When waits shift upward the old history would keep the bound too
 * low, so a run of consecutive misses that the bound makes improbable trims the history to its newest minimum.
 * Jobs still waiting count with the time they have waited so far: ignoring them would favour short waits,
 * because long waits are learnt last.
 */
export class QueueTimeEstimator {
  readonly options: QueueTimeEstimatorOptions;
  private readonly histories = new Map<string, WaitHistory>();
  private readonly minimumSamples: number;
  private readonly missesForChangePoint: number;
  private readonly ranks = new Map<number, number | null>();

  constructor(options: Partial<QueueTimeEstimatorOptions> = {}) {
    this.options = QueueTimeEstimatorOptions.parse(options);
    this.minimumSamples = minimumSampleSize(this.options.quantile, this.options.confidence);
    if (this.minimumSamples > this.options.windowSize) {
      throw new RangeError(
        `windowSize ${this.options.windowSize} is below the ${this.minimumSamples} waits a bound needs at ` +
          `quantile ${this.options.quantile} and confidence ${this.options.confidence}`,
      );
    }
    this.missesForChangePoint = Math.ceil(
      Math.log(this.options.changePointProbability) / Math.log1p(-this.options.quantile) - 1e-12,
    );
  }

  /** Smallest history a bound can be computed from. */
  get minimumHistory(): number {
    return this.minimumSamples;
  }

  /** A job of `group` has started after waiting `waitSeconds`. */
  observe(group: string, waitSeconds: number): void {
    if (!(Number.isFinite(waitSeconds) && waitSeconds >= 0)) {
      throw new RangeError(`a wait must be a number of seconds ≥ 0, got ${waitSeconds}`);
    }
    for (const key of [group, ALL]) {
      let history = this.histories.get(key);
      if (!history) this.histories.set(key, (history = new WaitHistory()));
      this.record(history, waitSeconds);
    }
  }

  /**
   * The bound for a job of `group` submitted now; `pendingWaits` are the waits so far of that group's jobs still
   * queued (lower bounds of their waits). null while even the pooled history is too short for a bound.
   */
  bound(group: string, pendingWaits: readonly number[] = []): QueueWaitBound | null {
    const own = this.boundFrom(this.histories.get(group), pendingWaits);
    if (own !== null) return { ...own, level: 'group' };
    const pooled = this.boundFrom(this.histories.get(ALL), pendingWaits);
    return pooled === null ? null : { ...pooled, level: 'all' };
  }

  private record(history: WaitHistory, waitSeconds: number): void {
    const current = this.boundFrom(history, []);
    if (current !== null && waitSeconds > current.boundSeconds) {
      history.consecutiveMisses++;
      if (history.consecutiveMisses >= this.missesForChangePoint) {
        history.keepNewest(this.minimumSamples);
        history.consecutiveMisses = 0;
      }
    } else {
      history.consecutiveMisses = 0;
    }
    history.add(waitSeconds, this.options.windowSize);
  }

  private boundFrom(
    history: WaitHistory | undefined,
    pendingWaits: readonly number[],
  ): Omit<QueueWaitBound, 'level'> | null {
    if (!history) return null;
    const size = history.size + pendingWaits.length;
    const rank = this.rankFor(size);
    if (rank === null) return null;
    const pending = pendingWaits.length === 0 ? pendingWaits : [...pendingWaits].sort((a, b) => a - b);
    return {
      boundSeconds: orderStatistic(history.sorted, pending, rank),
      quantile: this.options.quantile,
      confidence: this.options.confidence,
      samples: size,
    };
  }

  /** The binomial rank depends only on the sample size, and sizes repeat: computed once per size. */
  private rankFor(size: number): number | null {
    let rank = this.ranks.get(size);
    if (rank === undefined) {
      rank = upperBoundRank(size, this.options.quantile, this.options.confidence);
      this.ranks.set(size, rank);
    }
    return rank;
  }
}

/** The `rank`-th smallest (1-based) of two ascending arrays taken together. */
function orderStatistic(a: readonly number[], b: readonly number[], rank: number): number {
  let i = 0;
  let j = 0;
  let value = Number.NaN;
  for (let taken = 0; taken < rank; taken++) {
    if (j >= b.length || (i < a.length && a[i] <= b[j])) value = a[i++];
    else value = b[j++];
  }
  return value;
}

/** Waits in arrival order (to forget the oldest) and ascending (to read order statistics without sorting). */
class WaitHistory {
  consecutiveMisses = 0;
  private arrivals: number[] = [];
  sorted: number[] = [];

  get size(): number {
    return this.arrivals.length;
  }

  add(wait: number, capacity: number): void {
    this.arrivals.push(wait);
    this.sorted.splice(lowerBound(this.sorted, wait), 0, wait);
    if (this.arrivals.length > capacity) {
      const oldest = this.arrivals.shift() as number;
      this.sorted.splice(lowerBound(this.sorted, oldest), 1);
    }
  }

  keepNewest(count: number): void {
    this.arrivals = this.arrivals.slice(-count);
    this.sorted = [...this.arrivals].sort((a, b) => a - b);
  }
}

/** First index whose value is ≥ `value` in an ascending array. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
