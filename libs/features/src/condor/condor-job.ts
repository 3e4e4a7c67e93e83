/** Where a job stands at the end of its log. */
export type CondorOutcome =
  | 'terminated-normally'
  | 'terminated-abnormally'
  | 'removed'
  | 'held'
  | 'running'
  | 'idle';

export interface CondorHold {
  time: string;
  /** the reason line, e.g. `Error from slot1_32@…: Policy violation. Memory limit exceeded: …` */
  reason: string | null;
  code: number | null;
  subcode: number | null;
  /** the job's memory peak and request as the log showed them when it was held, for advice as of that moment */
  peakMemoryMb: number | null;
  requestMemoryMb: number | null;
}

/** One job (`cluster.proc`) of an event log, assembled from all its records in order. */
export interface CondorJob {
  cluster: number;
  proc: number;
  /** `<cluster>.<proc>` */
  id: string;
  /** the schedd's address from the submit record (`10.128.11.86:24462`); cluster ids are unique per schedd */
  schedd: string | null;
  submittedAt: string | null;
  /** the first 001, so the queue wait is submit → first start */
  firstExecutedAt: string | null;
  /** the host of the last 001 */
  executeHost: string | null;
  executions: number;
  /** the time of the 005 or 009 record */
  endedAt: string | null;
  lastEventAt: string;
  outcome: CondorOutcome;
  /** the return value of a normal termination */
  exitCode: number | null;
  /** the signal of an abnormal termination */
  signal: number | null;
  holds: CondorHold[];
  releasedAt: string[];
  evictedAt: string[];
  /** the first line of each 007 shadow exception */
  exceptions: string[];
  /** the largest memory use seen: 006 MemoryUsage, the usage column of 004/005, a memory-limit message's "used" */
  peakMemoryMb: number | null;
  requestMemoryMb: number | null;
  requestCpus: number | null;
  requestDiskKb: number | null;
}
