import type { JobRun } from '@jobcast/contracts';

/** A completed JobRun with everything unknown except what a test sets. */
export function completedRun(overrides: Partial<JobRun> & Pick<JobRun, 'jobType'>): JobRun {
  return {
    payloadId: `${overrides.jobType}-${overrides.endedAt ?? ''}-${overrides.durationSeconds ?? ''}`,
    source: 'hysds',
    jobId: null,
    queue: null,
    instanceType: null,
    status: 'job-completed',
    exitCode: 0,
    queuedAt: null,
    startedAt: null,
    endedAt: null,
    updatedAt: '2024-01-01T00:00:00.000Z',
    queueWaitSeconds: null,
    durationSeconds: null,
    commandDurationSeconds: null,
    inputCount: null,
    inputBytes: null,
    outputBytes: null,
    peakMemoryBytes: null,
    cpuCount: null,
    tags: [],
    features: {},
    ...overrides,
  };
}
