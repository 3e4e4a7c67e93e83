import type { JobRunRecord, JobRunRepository, UpsertResult } from '@jobcast/db';
import type { ImportItem } from './import-item';
import type { RejectsFile } from './rejects-file';

export interface ImportSummary {
  /** records read from the file */
  read: number;
  /** rows inserted or overwritten */
  stored: number;
  /** records not written because a newer status of the same job is stored (or came in the same batch) */
  stale: number;
  /** records that could not be normalized or that the database refused, all in the rejects file */
  rejected: number;
  seconds: number;
}

export interface ImportOptions {
  batchSize: number;
  /** called about once a second with the running totals */
  onProgress?: (summary: ImportSummary) => void;
}

/**
 * Normalized items → the repository, in batches; every record ends up stored, counted as stale, or in the rejects
 * file with its reason — nothing is dropped. While one batch is written the next is being read and normalized.
 */
export async function runImport(
  items: AsyncIterable<ImportItem>,
  repository: JobRunRepository,
  rejects: RejectsFile,
  { batchSize, onProgress }: ImportOptions,
): Promise<ImportSummary> {
  const started = Date.now();
  const summary: ImportSummary = { read: 0, stored: 0, stale: 0, rejected: 0, seconds: 0 };
  let lastProgress = started;
  let batch: Array<{ record: JobRunRecord; item: ImportItem }> = [];
  let writing: Promise<void> = Promise.resolve();

  const flush = async (): Promise<void> => {
    const full = batch;
    batch = [];
    await writing;
    const pending = repository.upsertMany(full.map(({ record }) => record)).then((result) => account(result, full));
    pending.catch(() => undefined); // a failure surfaces at the next flush or at the end, not as an unhandled rejection
    writing = pending;
  };

  const account = async (result: UpsertResult, written: Array<{ record: JobRunRecord; item: ImportItem }>): Promise<void> => {
    summary.stored += result.written;
    summary.stale += result.stale;
    for (const refused of result.rejected) {
      const source = written.find(({ record }) => record.run.payloadId === refused.payloadId)?.item;
      await reject(source ?? null, `database refused: ${refused.reason}`);
    }
  };

  const reject = async (item: ImportItem | null, reason: string): Promise<void> => {
    summary.rejected++;
    await rejects.write({ line: item?.line ?? null, reason, record: item?.raw ?? item?.text ?? null });
  };

  for await (const item of items) {
    summary.read++;
    if (item.result.ok) {
      batch.push({ record: { run: item.result.run, raw: item.raw }, item });
      if (batch.length >= batchSize) await flush();
    } else {
      await reject(item, item.result.reason);
    }
    const now = Date.now();
    if (onProgress && now - lastProgress >= 1000) {
      lastProgress = now;
      onProgress({ ...summary, seconds: (now - started) / 1000 });
    }
  }
  if (batch.length > 0) await flush();
  await writing;
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
