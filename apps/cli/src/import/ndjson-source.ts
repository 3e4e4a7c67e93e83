import { normalizeJobStatus } from '@jobcast/features';
import type { ImportItem } from './import-item';
import { readLines } from './line-reader';

/**
 * Raw HySDS job_status documents, one JSON object per line. A search-engine hit (`{ "_id", "_source": {…} }`, as
 * dumped by elasticdump and friends) is unwrapped to its `_source`. Blank lines are skipped; a line that is not a
 * JSON object is an item with a reason.
 */
export async function* ndjsonJobStatusItems(file: string): AsyncGenerator<ImportItem> {
  for await (const { line, text } of readLines(file)) {
    if (text.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      yield { line, result: { ok: false, reason: `not JSON: ${(error as Error).message}` }, raw: null, text };
      continue;
    }
    const document = isObject(parsed) && isObject(parsed['_source']) ? parsed['_source'] : parsed;
    yield { line, result: normalizeJobStatus(document), raw: isObject(document) ? document : null, text };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
