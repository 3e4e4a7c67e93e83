/** A min-heap of events by time: the replay pops everything that happened up to a job's submission. */
export class TimedEvents<T> {
  private readonly heap: Array<{ time: number; order: number; value: T }> = [];
  private pushed = 0;

  get size(): number {
    return this.heap.length;
  }

  push(time: number, value: T): void {
    // `order` keeps events of equal time in the order they were pushed, so a replay is deterministic.
    this.heap.push({ time, order: this.pushed++, value });
    let child = this.heap.length - 1;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.before(child, parent)) break;
      this.swap(child, parent);
      child = parent;
    }
  }

  /** Removes and returns the values of every event at or before `time`, earliest first. */
  popUntil(time: number): T[] {
    const due: T[] = [];
    while (this.heap.length > 0 && this.heap[0].time <= time) due.push(this.popFirst());
    return due;
  }

  private popFirst(): T {
    const first = this.heap[0];
    const last = this.heap.pop() as (typeof this.heap)[number];
    if (this.heap.length > 0) {
      this.heap[0] = last;
      let parent = 0;
      for (;;) {
        const left = 2 * parent + 1;
        const right = left + 1;
        let smallest = parent;
        if (left < this.heap.length && this.before(left, smallest)) smallest = left;
        if (right < this.heap.length && this.before(right, smallest)) smallest = right;
        if (smallest === parent) break;
        this.swap(parent, smallest);
        parent = smallest;
      }
    }
    return first.value;
  }

  private before(a: number, b: number): boolean {
    const x = this.heap[a];
    const y = this.heap[b];
    return x.time < y.time || (x.time === y.time && x.order < y.order);
  }

  private swap(a: number, b: number): void {
    [this.heap[a], this.heap[b]] = [this.heap[b], this.heap[a]];
  }
}
