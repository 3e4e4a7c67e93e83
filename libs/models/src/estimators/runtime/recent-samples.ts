import { summariseWeighted, type WeightedSummary } from '../statistics';

/**
 * The most recent runtimes of one group (a job type on an instance, a job type, everything), oldest first, with
 * a recency-weighted summary: the weight halves every `halfLife` newer samples, so a group that changed
 * behaviour is followed within a few runs. The summary is cached until the next sample arrives.
 */
export class RecentSamples {
  private summaryCache: WeightedSummary | null = null;

  constructor(
    private readonly capacity: number,
    private readonly halfLife: number,
    private readonly values: number[] = [],
  ) {
    if (values.length > capacity) this.values.splice(0, values.length - capacity);
  }

  get size(): number {
    return this.values.length;
  }

  add(value: number): void {
    this.values.push(value);
    if (this.values.length > this.capacity) this.values.shift();
    this.summaryCache = null;
  }

  /** null when empty */
  summary(): WeightedSummary | null {
    if (this.values.length === 0) return null;
    if (this.summaryCache === null) {
      const newest = this.values.length - 1;
      const weights = this.values.map((_, index) => 0.5 ** ((newest - index) / this.halfLife));
      this.summaryCache = summariseWeighted(this.values, weights);
    }
    return this.summaryCache;
  }

  toJSON(): number[] {
    return [...this.values];
  }
}
