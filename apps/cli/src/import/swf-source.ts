import { readFile } from 'node:fs/promises';
import { parseSwf, swfJobToJobRun, validatedRun } from '@jobcast/features';
import type { ImportItem } from './import-item';

/**
 * Jobs of a Standard Workload Format trace (parser and mapping from libs/features/src/swf). Lines the parser
 * refuses come out as items with its reason; every mapped run is checked against the JobRun contract.
 * The parser does not keep the line of an accepted job; its raw record carries the job number instead.
 */
export async function* swfItems(file: string): AsyncGenerator<ImportItem> {
  const trace = parseSwf(await readFile(file, 'utf8'));
  for (const rejected of trace.rejected) {
    yield { line: rejected.line, result: { ok: false, reason: rejected.reason }, raw: null };
  }
  for (const job of trace.jobs) {
    const raw = { ...job } as unknown as Record<string, unknown>;
    yield { line: null, result: validatedRun(swfJobToJobRun(job, trace.header)), raw };
  }
}
