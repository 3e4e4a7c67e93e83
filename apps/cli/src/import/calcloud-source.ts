import { calcloudRowToJobRun, missingCalcloudColumns, splitCsvLine } from '@jobcast/features';
import type { ImportItem } from './import-item';
import { readLines } from './line-reader';

/**
 * Rows of a calcloud training export (CSV with a header line). The export has no job timestamps, so every run is
 * dated `recordedAt`. A header without the required columns stops the import before anything is written.
 */
export async function* calcloudItems(file: string, recordedAt: string): AsyncGenerator<ImportItem> {
  let header: string[] | undefined;
  for await (const { line, text } of readLines(file)) {
    if (text.trim() === '') continue;
    if (!header) {
      header = splitCsvLine(text).map((name) => name.trim());
      const missing = missingCalcloudColumns(header);
      if (missing.length > 0) throw new Error(`${file} is not a calcloud export: no column ${missing.join(', ')}`);
      continue;
    }
    const cells = splitCsvLine(text);
    const row: Record<string, string> = {};
    header.forEach((name, index) => (row[name] = cells[index] ?? ''));
    const result =
      cells.length === header.length
        ? calcloudRowToJobRun(row, recordedAt)
        : { ok: false as const, reason: `expected ${header.length} fields, found ${cells.length}` };
    yield { line, result, raw: row, text };
  }
}

/** When a calcloud export was recorded: the date in its file name (`calcloud-2021-05-11.csv`), if any. */
export function recordedAtFromFileName(file: string): string | undefined {
  const match = /(\d{4})-(\d{2})-(\d{2})[^/]*$/.exec(file);
  if (!match) return undefined;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
