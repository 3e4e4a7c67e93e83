import { WorkerPool } from './worker-pool';

describe('WorkerPool', () => {
  it('starts jobs at once while workers are free, then as the earliest worker frees up', () => {
    const pool = new WorkerPool(2);
    expect(pool.schedule(0, 10)).toBe(0); // worker 1 busy until 10 s
    expect(pool.schedule(1000, 30)).toBe(1000); // worker 2 busy until 31 s
    expect(pool.schedule(2000, 5)).toBe(10_000); // waits for worker 1
    expect(pool.schedule(3000, 5)).toBe(15_000); // worker 1 again, free at 15 s
    expect(pool.nextStart(50_000)).toBe(50_000);
  });

  it('makes waits grow when submissions outpace the workers', () => {
    const pool = new WorkerPool(3);
    const waits: number[] = [];
    for (let i = 0; i < 300; i++) {
      const submitted = i * 1000; // one job a second, each needing 4 s on one of 3 workers
      waits.push(pool.schedule(submitted, 4) - submitted);
    }
    expect(waits[10]).toBeLessThan(waits[100]);
    expect(waits[100]).toBeLessThan(waits[299]);
  });

  it('needs at least one worker', () => {
    expect(() => new WorkerPool(0)).toThrow(/at least one worker/);
  });
});
