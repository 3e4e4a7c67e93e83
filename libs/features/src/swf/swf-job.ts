/**
 * One job line of a Standard Workload Format trace (Parallel Workloads Archive, 18 fields).
 * Unknown values are null here; SWF writes them as -1.
 */
export interface SwfJob {
  jobNumber: number;
  /** seconds since the trace's UnixStartTime */
  submitTime: number;
  waitTime: number | null;
  runTime: number | null;
  allocatedProcessors: number | null;
  averageCpuTime: number | null;
  /** KB per processor */
  usedMemoryKb: number | null;
  requestedProcessors: number | null;
  requestedTime: number | null;
  /** KB per processor */
  requestedMemoryKb: number | null;
  /** 1 completed, 0 failed, 5 cancelled; 2–4 partial executions; null when unknown */
  status: number | null;
  userId: number | null;
  groupId: number | null;
  executableId: number | null;
  queueNumber: number | null;
  partitionNumber: number | null;
  precedingJobNumber: number | null;
  thinkTime: number | null;
}

/** The header comments a trace states about itself; names of queues and partitions by their numbers. */
export interface SwfHeader {
  unixStartTime: number | null;
  maxProcs: number | null;
  maxNodes: number | null;
  queues: Map<number, string>;
  partitions: Map<number, string>;
  /** every `; Key: value` line, verbatim */
  fields: Record<string, string>;
}

/** A line that could not be read, with its 1-based line number and why. */
export interface SwfRejectedLine {
  line: number;
  reason: string;
}

export interface SwfTrace {
  header: SwfHeader;
  jobs: SwfJob[];
  rejected: SwfRejectedLine[];
}
