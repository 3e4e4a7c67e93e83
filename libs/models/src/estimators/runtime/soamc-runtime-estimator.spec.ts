import { completedRun } from './job-run-fixture';
import { ANY, SoamcRuntimeEstimator, soamcStatistics } from './soamc-runtime-estimator';

const run = (jobType: string, instanceType: string | null, durationSeconds: number | null, status = 'job-completed') =>
  completedRun({ jobType, instanceType, durationSeconds, status });

describe('soamcStatistics (SOAMC rule)', () => {
  it('has nothing to say without samples', () => {
    expect(soamcStatistics([])).toBeNull();
  });

  it('answers one sample with that value and no spread', () => {
    expect(soamcStatistics([42])).toEqual({ mean: 42, stdev: 0, p1: null, p99: null, samples: 1 });
  });

  it('uses median and population stdev below 10 samples, keeping every sample', () => {
    // median of 1..9 is 5; population variance of 1..9 is 60/9
    expect(soamcStatistics([9, 1, 8, 2, 7, 3, 6, 4, 5])).toEqual({
      mean: 5,
      stdev: Math.sqrt(60 / 9),
      p1: null,
      p99: null,
      samples: 9,
    });
  });

  it('from 10 samples drops those at or above the 90th percentile before the median, stdev, p1 and p99', () => {
    // 1..10: p90 = 9.1, so 10 goes and 1..9 stay
    const statistics = soamcStatistics([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(statistics).toMatchObject({ mean: 5, samples: 10 });
    expect(statistics?.stdev).toBeCloseTo(Math.sqrt(60 / 9), 12);
    expect(statistics?.p1).toBeCloseTo(1.08, 12);
    expect(statistics?.p99).toBeCloseTo(8.92, 12);
  });

  it('drops a value equal to the 90th percentile ("at or above")', () => {
    // eleven values whose p90 is exactly 100: the two 100s go
    const statistics = soamcStatistics([1, 1, 1, 1, 1, 1, 1, 1, 1, 100, 100]);
    expect(statistics?.mean).toBe(1);
    expect(statistics?.stdev).toBe(0);
  });
});

describe('SoamcRuntimeEstimator', () => {
  const estimator = SoamcRuntimeEstimator.fit([
    run('a', 'c5.large', 10),
    run('a', 'c5.large', 20),
    run('a', 'm5.large', 100),
    run('b', 'c5.large', 1000),
    run('a', 'c5.large', 999, 'job-failed'),
    run('a', null, 999),
    run('a', 'c5.large', null),
  ]);

  it('filters exactly on (job type, instance), completed runs with a duration only', () => {
    expect(estimator.estimate('a', 'c5.large')).toMatchObject({ mean: 15, stdev: 5, samples: 2 });
  });

  it('matches any instance or any type with *', () => {
    expect(estimator.estimate('a', ANY)).toMatchObject({ mean: 20, samples: 3 });
    expect(estimator.estimate(ANY, 'c5.large')).toMatchObject({ mean: 20, samples: 3 });
    expect(estimator.estimate(ANY, ANY)?.samples).toBe(4);
  });

  it('has no answer for an unseen pair', () => {
    expect(estimator.estimate('a', 'r5.large')).toBeNull();
    expect(estimator.estimate('zzz', ANY)).toBeNull();
  });

  it('answers anew after a new run', () => {
    const growing = SoamcRuntimeEstimator.fit([run('a', 'c5.large', 10)]);
    expect(growing.estimate('a', 'c5.large')?.mean).toBe(10);
    growing.observe(run('a', 'c5.large', 30));
    expect(growing.estimate('a', 'c5.large')?.mean).toBe(20);
  });
});
