/**
 * The workers of one queue, as a min-heap of the times at which each becomes free. Jobs are served first come,
 * first served: a job ready at `readyAt` starts when it is ready or when the earliest worker frees up, whichever is
 * later. With a fixed number of workers, waits grow on their own whenever submissions outpace the pool.
 */
export class WorkerPool {
  private readonly freeAt: Float64Array;

  constructor(readonly workers: number) {
    if (!Number.isInteger(workers) || workers < 1) throw new Error(`A worker pool needs at least one worker, got ${workers}`);
    this.freeAt = new Float64Array(workers);
    this.freeAt.fill(Number.NEGATIVE_INFINITY);
  }

  /** Books the earliest free worker for a job; returns when the job starts. */
  schedule(readyAt: number, runSeconds: number): number {
    const start = Math.max(readyAt, this.freeAt[0]);
    this.freeAt[0] = start + runSeconds * 1000;
    this.siftDown();
    return start;
  }

  /** The time the job would start if scheduled now, without booking a worker. */
  nextStart(readyAt: number): number {
    return Math.max(readyAt, this.freeAt[0]);
  }

  private siftDown(): void {
    const heap = this.freeAt;
    const n = heap.length;
    let i = 0;
    const value = heap[0];
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && heap[right] < heap[left] ? right : left;
      if (heap[child] >= value) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = value;
  }
}
