import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseSwf, swfJobToJobStatusDocument } from '@jobcast/features';

export type JobStatusFileEntry =
  | { ok: true; document: Record<string, unknown> }
  | { ok: false; line: number | null; reason: string };

/**
 * The job_status documents of a file: a Standard Workload Format trace (`.swf`, each job converted by
 * libs/features' SWF converter) or NDJSON (one document per line; a search-engine hit is unwrapped to its
 * `_source`). A line that is no document comes out with its reason, never dropped.
 */
export function readJobStatusFile(file: string): AsyncGenerator<JobStatusFileEntry> {
  return file.toLowerCase().endsWith('.swf') ? swfDocuments(file) : ndjsonDocuments(file);
}

async function* swfDocuments(file: string): AsyncGenerator<JobStatusFileEntry> {
  const trace = parseSwf(await readFile(file, 'utf8'));
  for (const rejected of trace.rejected) yield { ok: false, line: rejected.line, reason: rejected.reason };
  for (const job of trace.jobs) yield { ok: true, document: swfJobToJobStatusDocument(job, trace.header) };
}

async function* ndjsonDocuments(file: string): AsyncGenerator<JobStatusFileEntry> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      yield { ok: false, line, reason: `not JSON: ${(error as Error).message}` };
      continue;
    }
    const document = isObject(parsed) && isObject(parsed['_source']) ? parsed['_source'] : parsed;
    if (isObject(document)) yield { ok: true, document };
    else yield { ok: false, line, reason: 'not a JSON object' };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
