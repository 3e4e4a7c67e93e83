import { assembleCondorJobs, type CondorEvent, condorJobToJobRun, validatedRun } from '@jobcast/features';
import { condorLogItems } from './condor-log-file';
import type { ImportItem } from './import-item';

/**
 * Jobs of an HTCondor job event log (reader, assembly and mapping from libs/features/src/condor). Malformed records
 * are rejects as they are read; a job is known only at the end of the log, so the jobs follow the last line.
 * Records of no job (`-01.-01.-01`) are rejects too, with their line; every run is checked against the JobRun contract.
 */
export async function* condorItems(file: string, year?: number): AsyncGenerator<ImportItem> {
  const events: CondorEvent[] = [];
  for await (const item of condorLogItems(file, year)) {
    if ('event' in item) events.push(item.event);
    else yield { line: item.rejected.line, result: { ok: false, reason: item.rejected.reason }, raw: null };
  }
  const { jobs, unattributed } = assembleCondorJobs(events);
  for (const event of unattributed) {
    const id = `${event.cluster}.${event.proc}.${event.subproc}`;
    const reason = `record ${String(event.code).padStart(3, '0')} belongs to no job (id ${id})`;
    yield { line: event.line, result: { ok: false, reason }, raw: { ...event } };
  }
  for (const job of jobs) {
    const raw = { ...job } as unknown as Record<string, unknown>;
    yield { line: null, result: validatedRun(condorJobToJobRun(job)), raw };
  }
}
