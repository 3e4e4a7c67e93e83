import { completedRun } from '../runtime/job-run-fixture';
import { SoamcRuntimeEstimator } from '../runtime';
import { soamcQueueTime } from './soamc-queue-time';

describe('soamcQueueTime (SOAMC formula)', () => {
  const runtime = SoamcRuntimeEstimator.fit([
    completedRun({ jobType: 'a', instanceType: 'c5.large', durationSeconds: 86_400 }),
    completedRun({ jobType: 'a', instanceType: 'm5.large', durationSeconds: 3 * 86_400 }),
    completedRun({ jobType: 'b', instanceType: 'c5.large', durationSeconds: 8_640 }),
  ]);

  it('sums median ∓ stdev of each queued job over the nodes, in days', () => {
    // a on any instance: median 2 days, stdev 1 day; b: 0.1 day, stdev 0
    const estimate = soamcQueueTime([{ jobType: 'a' }, { jobType: 'a' }, { jobType: 'b' }], 2, runtime);
    expect(estimate).toEqual({
      name: 'Queue Time Estimate',
      njobs: 3,
      min: (1 + 1 + 0.1) / 2,
      max: (3 + 3 + 0.1) / 2,
      units: 'day',
      unestimated: 0,
    });
  });

  it('weights a job by the nodes it takes and counts jobs of unknown types', () => {
    const estimate = soamcQueueTime([{ jobType: 'b', weight: 4 }, { jobType: 'zzz' }], 1, runtime);
    expect(estimate.max).toBeCloseTo(0.4, 12);
    expect(estimate).toMatchObject({ njobs: 2, unestimated: 1 });
  });

  it('rejects a node count that is not positive', () => {
    expect(() => soamcQueueTime([], 0, runtime)).toThrow(/nodes/);
  });
});
