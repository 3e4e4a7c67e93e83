import type { JobRun } from '@jobcast/contracts';

/**
 * A deterministic history for the `runtime` family: three job types whose runtimes differ by an order of magnitude,
 * on two instance types, finished between `newestDaysAgo` and `newestDaysAgo + spanDays` days ago.
 */
export function runtimeHistory(count: number, newestDaysAgo = 2, spanDays = 8): JobRun[] {
  const types = [
    { jobType: 'job-fast:1', seconds: 60 },
    { jobType: 'job-medium:1', seconds: 900 },
    { jobType: 'job-slow:1', seconds: 7200 },
  ];
  const now = Date.now();
  return Array.from({ length: count }, (_, index) => {
    const type = types[index % types.length];
    const instanceType = index % 2 === 0 ? 'c5.xlarge' : 'm5.xlarge';
    // ±20 % of structured noise, so estimators have something to be wrong about
    const seconds = type.seconds * (1 + 0.2 * Math.sin(index * 1.7)) * (instanceType === 'c5.xlarge' ? 1 : 1.3);
    const ended = new Date(now - (newestDaysAgo + (spanDays * (count - index)) / count) * 86_400_000);
    const started = new Date(ended.getTime() - seconds * 1000);
    return {
      payloadId: `trainer-test-${index}`,
      source: 'hysds',
      jobId: `job-${index}`,
      jobType: type.jobType,
      queue: 'factotum-job_worker-small',
      instanceType,
      status: 'job-completed',
      exitCode: 0,
      queuedAt: new Date(started.getTime() - 30_000).toISOString(),
      startedAt: started.toISOString(),
      endedAt: ended.toISOString(),
      updatedAt: ended.toISOString(),
      queueWaitSeconds: 30,
      durationSeconds: seconds,
      commandDurationSeconds: seconds - 5,
      inputCount: 1,
      inputBytes: 1_000_000,
      outputBytes: 2_000_000,
      peakMemoryBytes: 1e9,
      cpuCount: 4,
      tags: [],
      features: {},
    };
  });
}
