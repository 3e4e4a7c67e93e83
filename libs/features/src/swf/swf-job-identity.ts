import type { SwfHeader, SwfJob } from './swf-job';

/**
 * How an SWF job reads in HySDS terms, shared by the JobRun normalizer and the job_status converter so both
 * name a job the same way. The trace README's convention: type = user + executable + requested processors,
 * instance = partition, start = submit + wait, end = start + run.
 */

const id = (value: number | null): string => (value === null ? 'unknown' : String(value));

export function swfJobType(job: SwfJob): string {
  return `swf:user-${id(job.userId)}:exe-${id(job.executableId)}:procs-${id(job.requestedProcessors)}`;
}

/** The partition's name from the header, else `partition-<n>`; null when the trace does not say. */
export function swfInstanceType(job: SwfJob, header: SwfHeader): string | null {
  if (job.partitionNumber === null) return null;
  return header.partitions.get(job.partitionNumber) ?? `partition-${job.partitionNumber}`;
}

export function swfQueueName(job: SwfJob, header: SwfHeader): string | null {
  if (job.queueNumber === null) return null;
  return header.queues.get(job.queueNumber) ?? `queue-${job.queueNumber}`;
}

/**
 * SWF status → HySDS status. A partial execution (2) reads as started; an unknown status has no HySDS
 * counterpart and is kept visibly unknown rather than guessed.
 */
export function swfHysdsStatus(job: SwfJob): string {
  switch (job.status) {
    case 1:
    case 3:
      return 'job-completed';
    case 0:
    case 4:
      return 'job-failed';
    case 5:
      return 'job-revoked';
    case 2:
      return 'job-started';
    default:
      return 'job-unknown';
  }
}

export interface SwfJobTimes {
  queuedAt: string;
  startedAt: string | null;
  endedAt: string | null;
}

/** Absolute times; a trace without UnixStartTime is read as starting at the epoch. */
export function swfJobTimes(job: SwfJob, header: SwfHeader): SwfJobTimes {
  const submit = (header.unixStartTime ?? 0) + job.submitTime;
  const start = job.waitTime === null ? null : submit + job.waitTime;
  const end = start === null || job.runTime === null ? null : start + job.runTime;
  const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();
  return { queuedAt: iso(submit), startedAt: start === null ? null : iso(start), endedAt: end === null ? null : iso(end) };
}

export function swfPayloadId(job: SwfJob): string {
  return `swf:${job.jobNumber}`;
}
