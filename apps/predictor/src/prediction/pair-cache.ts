/**
 * Values computed once per (job type, instance) pair, where the instance may be null. Job types come from callers,
 * so the cache is bounded: when full it starts over, which costs recomputation, never a wrong answer.
 */
export class PairCache<V> {
  private readonly byInstance = new Map<string | null, Map<string, V>>();
  private size = 0;

  constructor(private readonly capacity: number) {}

  get(jobType: string, instance: string | null, compute: () => V): V {
    let byJobType = this.byInstance.get(instance);
    const cached = byJobType?.get(jobType);
    if (cached !== undefined) return cached;
    const value = compute();
    if (this.size >= this.capacity) {
      this.byInstance.clear();
      this.size = 0;
      byJobType = undefined;
    }
    if (byJobType === undefined) this.byInstance.set(instance, (byJobType = new Map()));
    byJobType.set(jobType, value);
    this.size++;
    return value;
  }
}
