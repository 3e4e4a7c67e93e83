import type { CondorEvent } from './condor-event';
import {
  holdDetails,
  hostAddress,
  memoryLimitExceeded,
  memoryLimitHold,
  memoryUsageMb,
  resourceTable,
  termination,
} from './condor-event-body';
import { CondorEventCode as Code } from './condor-event-code';
import type { CondorJob } from './condor-job';

export interface CondorJobs {
  /** in the order of their first record */
  jobs: CondorJob[];
  /** records with a negative job id, which belong to no job (HTCondor's reader test writes `-01.-01.-01`) */
  unattributed: CondorEvent[];
}

/**
 * Builds jobs as records arrive, so a log streams through in memory proportional to its jobs, not its records:
 * each record is replayed onto its `cluster.proc` in log order.
 */
export class CondorJobAssembler {
  private readonly byId = new Map<string, CondorJob>();

  /** Adds a record to its job; false for a record with a negative id, which belongs to no job. */
  add(event: CondorEvent): boolean {
    if (event.cluster < 0 || event.proc < 0) return false;
    const id = `${event.cluster}.${event.proc}`;
    let job = this.byId.get(id);
    if (!job) {
      job = emptyJob(event, id);
      this.byId.set(id, job);
    }
    applyEvent(job, event);
    return true;
  }

  /** in the order of their first record */
  jobs(): CondorJob[] {
    return [...this.byId.values()];
  }
}

/** All the jobs of a log's records, and the records that belong to none. */
export function assembleCondorJobs(events: Iterable<CondorEvent>): CondorJobs {
  const assembler = new CondorJobAssembler();
  const unattributed: CondorEvent[] = [];
  for (const event of events) if (!assembler.add(event)) unattributed.push(event);
  return { jobs: assembler.jobs(), unattributed };
}

function emptyJob(event: CondorEvent, id: string): CondorJob {
  return {
    cluster: event.cluster,
    proc: event.proc,
    id,
    schedd: null,
    submittedAt: null,
    firstExecutedAt: null,
    executeHost: null,
    executions: 0,
    endedAt: null,
    lastEventAt: event.time,
    outcome: 'idle',
    exitCode: null,
    signal: null,
    holds: [],
    releasedAt: [],
    evictedAt: [],
    exceptions: [],
    peakMemoryMb: null,
    requestMemoryMb: null,
    requestCpus: null,
    requestDiskKb: null,
  };
}

function applyEvent(job: CondorJob, event: CondorEvent): void {
  job.lastEventAt = event.time;
  readResources(job, event);
  switch (event.code) {
    case Code.submit:
      job.submittedAt = event.time;
      job.schedd = hostAddress(event.text);
      break;
    case Code.execute:
      job.firstExecutedAt ??= event.time;
      job.executeHost = hostAddress(event.text);
      job.executions++;
      job.outcome = 'running';
      break;
    case Code.evicted:
      job.evictedAt.push(event.time);
      job.outcome = 'idle';
      break;
    case Code.terminated: {
      const ending = termination(event.body);
      job.endedAt = event.time;
      job.outcome = ending?.normal === false ? 'terminated-abnormally' : 'terminated-normally';
      job.exitCode = ending?.normal ? ending.exitCode : null;
      job.signal = ending?.normal === false ? ending.signal : null;
      break;
    }
    case Code.shadowException:
      if (event.body[0]) job.exceptions.push(event.body[0]);
      break;
    case Code.aborted:
      job.endedAt = event.time;
      job.outcome = 'removed';
      break;
    case Code.held:
      job.holds.push({
        time: event.time,
        ...holdDetails(event.body),
        peakMemoryMb: job.peakMemoryMb,
        requestMemoryMb: job.requestMemoryMb,
      });
      job.outcome = 'held';
      break;
    case Code.released:
      job.releasedAt.push(event.time);
      job.outcome = 'idle';
      break;
  }
}

/** Memory, CPUs and disk wherever a record states them (tables and memory-limit messages); the peak only grows. */
function readResources(job: CondorJob, event: CondorEvent): void {
  const table = resourceTable(event.body);
  const memory = table.get('Memory (MB)');
  const limit = memoryLimitExceeded(event.body);
  const overLimit = memoryLimitHold(event.body);
  const seen = [memoryUsageMb(event.body), memory?.usage, limit?.usedMb, overLimit?.peakMb, job.peakMemoryMb];
  const figures = seen.filter((value): value is number => typeof value === 'number');
  if (figures.length > 0) job.peakMemoryMb = Math.max(...figures);
  job.requestMemoryMb = memory?.request ?? limit?.requestedMb ?? overLimit?.limitMb ?? job.requestMemoryMb;
  job.requestCpus = table.get('Cpus')?.request ?? job.requestCpus;
  job.requestDiskKb = table.get('Disk (KB)')?.request ?? job.requestDiskKb;
}
