import { CondorJobAssembler, condorJobToJobRun, validatedRun } from '@jobcast/features';
import { condorLogItems } from './condor-log-file';
import type { ImportItem } from './import-item';

/**
 * Jobs of an HTCondor job event log (reader, assembly and mapping from libs/features/src/condor). Malformed records
 * and records of no job (`-01.-01.-01`) are rejects as they are read, with their line; a job is known only at the
 * end of the log, so the jobs follow the last line. Every run is checked against the JobRun contract.
 */
export async function* condorItems(file: string, year?: number): AsyncGenerator<ImportItem> {
  const assembler = new CondorJobAssembler();
  for await (const item of condorLogItems(file, year)) {
    if ('rejected' in item) {
      yield { line: item.rejected.line, result: { ok: false, reason: item.rejected.reason }, raw: null };
    } else if (!assembler.add(item.event)) {
      const { code, cluster, proc, subproc, line } = item.event;
      const reason = `record ${String(code).padStart(3, '0')} belongs to no job (id ${cluster}.${proc}.${subproc})`;
      yield { line, result: { ok: false, reason }, raw: { ...item.event } };
    }
  }
  for (const job of assembler.jobs()) {
    const raw = { ...job } as unknown as Record<string, unknown>;
    yield { line: null, result: validatedRun(condorJobToJobRun(job)), raw };
  }
}
