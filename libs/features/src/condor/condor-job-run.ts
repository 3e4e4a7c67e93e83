import type { JobRun } from '@jobcast/contracts';
import type { CondorJob } from './condor-job';
import { releasedHoldCode, terminatedNormally } from './condor-release';

const MIB = 1024 * 1024;

/**
 * Cluster ids are unique per schedd only, so the payload id names the schedd the submit record gives:
 * `condor:<cluster>.<proc>@<schedd address>`, or `condor:<cluster>.<proc>` when the log holds no submit record.
 */
export function condorPayloadId(job: CondorJob): string {
  return job.schedd === null ? `condor:${job.id}` : `condor:${job.id}@${job.schedd}`;
}

/**
 * Assembled job → `JobRun`. The log names no executable, so the job type is the cluster: one submit description.
 * A held job is still queued (tagged `held`); a removed one is revoked; a normal termination with a non-zero
 * return value failed. `features` hold what is known at submission (the requests of the resource table) and what the
 * hold advisor learns from: the hold code a release followed, the outcome (reference §5's label) and the hold count.
 */
export function condorJobToJobRun(job: CondorJob): JobRun {
  const seconds = (from: string | null, to: string | null): number | null =>
    from === null || to === null ? null : Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);
  return {
    payloadId: condorPayloadId(job),
    source: 'condor',
    jobId: job.id,
    jobType: `condor:cluster-${job.cluster}`,
    queue: null,
    instanceType: null,
    status: condorHysdsStatus(job),
    exitCode: job.exitCode,
    queuedAt: job.submittedAt,
    startedAt: job.firstExecutedAt,
    endedAt: job.endedAt,
    updatedAt: job.lastEventAt,
    queueWaitSeconds: seconds(job.submittedAt, job.firstExecutedAt),
    durationSeconds: seconds(job.firstExecutedAt, job.endedAt),
    commandDurationSeconds: null,
    inputCount: null,
    inputBytes: null,
    outputBytes: null,
    peakMemoryBytes: job.peakMemoryMb === null ? null : job.peakMemoryMb * MIB,
    cpuCount: job.requestCpus,
    tags: [...(job.holds.length > 0 ? ['held'] : []), ...(job.evictedAt.length > 0 ? ['evicted'] : [])],
    features: {
      cluster: String(job.cluster),
      schedd: job.schedd,
      request_memory_mb: job.requestMemoryMb,
      request_cpus: job.requestCpus,
      request_disk_kb: job.requestDiskKb,
      released_hold_code: releasedHoldCode(job),
      terminated_normally: terminatedNormally(job),
      hold_count: job.holds.length,
    },
  };
}

export function condorHysdsStatus(job: CondorJob): string {
  switch (job.outcome) {
    case 'terminated-normally':
      return job.exitCode === 0 ? 'job-completed' : 'job-failed';
    case 'terminated-abnormally':
      return 'job-failed';
    case 'removed':
      return 'job-revoked';
    case 'running':
      return 'job-started';
    case 'held':
    case 'idle':
      return 'job-queued';
  }
}
