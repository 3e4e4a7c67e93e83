import type { JobRun } from '@jobcast/contracts';
import type { SwfHeader, SwfJob } from './swf-job';
import { swfHysdsStatus, swfInstanceType, swfJobTimes, swfJobType, swfPayloadId, swfQueueName } from './swf-job-identity';

/**
 * SWF job → `JobRun`. The user's requests go into `features` (`requested_time_s`, `requested_procs`,
 * `requested_memory_kb`) because estimators use them: the requested time is the job's kill limit.
 * Identifiers (user, group, executable) are categorical, so they are stored as text. The average CPU time is
 * left out of `features` on purpose: it is known only after the run, and features are what is known at submit.
 */
export function swfJobToJobRun(job: SwfJob, header: SwfHeader): JobRun {
  const times = swfJobTimes(job, header);
  const processors = job.allocatedProcessors ?? job.requestedProcessors;
  const text = (value: number | null): string | null => (value === null ? null : String(value));
  return {
    payloadId: swfPayloadId(job),
    source: 'swf',
    jobId: String(job.jobNumber),
    jobType: swfJobType(job),
    queue: swfQueueName(job, header),
    instanceType: swfInstanceType(job, header),
    status: swfHysdsStatus(job),
    exitCode: null,
    queuedAt: times.queuedAt,
    startedAt: times.startedAt,
    endedAt: times.endedAt,
    updatedAt: times.endedAt ?? times.startedAt ?? times.queuedAt,
    queueWaitSeconds: job.waitTime,
    durationSeconds: job.runTime,
    commandDurationSeconds: null,
    inputCount: null,
    inputBytes: null,
    outputBytes: null,
    peakMemoryBytes:
      job.usedMemoryKb === null || processors === null ? null : job.usedMemoryKb * 1024 * processors,
    cpuCount: processors,
    tags: [],
    features: {
      user: text(job.userId),
      group: text(job.groupId),
      executable: text(job.executableId),
      requested_procs: job.requestedProcessors,
      requested_time_s: job.requestedTime,
      requested_memory_kb: job.requestedMemoryKb,
    },
  };
}
