import type { JobRun, JobSource } from '@jobcast/contracts';

/** A normalized run plus the source record it came from (kept so it can be re-normalized later). */
export interface JobRunRecord {
  run: JobRun;
  raw: Record<string, unknown> | null;
  /** `raw` as JSON text when the caller already holds it (e.g. as a message carried it): stored without serializing again */
  rawJson?: string;
}

/** A stored run: the record plus when it was last written. */
export interface StoredJobRun extends JobRun {
  raw: unknown;
  ingestedAt: string;
}

export interface UpsertResult {
  /** rows inserted or overwritten */
  written: number;
  /** records not written because the stored row (or a sibling in the batch) has a newer `updatedAt` */
  stale: number;
  /** records the database refused (e.g. text it cannot hold), each with the database's reason */
  rejected: Array<{ payloadId: string; reason: string }>;
}

/** Selects runs; every field narrows, `from`/`to` bound `updatedAt` (a finished job's last status change). */
export interface JobRunFilter {
  source?: JobSource;
  jobType?: string;
  instanceType?: string;
  statuses?: readonly string[];
  /** inclusive, ISO-8601 */
  from?: string;
  /** exclusive, ISO-8601 */
  to?: string;
}

export interface TrainingQuery extends JobRunFilter {
  /** stop after this many runs */
  limit?: number;
  /** runs per page (default 5,000) */
  pageSize?: number;
}

/** The store of job runs (port). One row per payload id; the newest status change wins. */
export interface JobRunRepository {
  /**
   * Idempotent batch write: a record replaces the stored row only when its `updatedAt` is newer or equal,
   * so replays and out-of-order deliveries never bring back an older status.
   */
  upsertMany(records: readonly JobRunRecord[]): Promise<UpsertResult>;
  count(filter?: JobRunFilter): Promise<number>;
  /** Pages of runs in (updatedAt, payloadId) order, read with a keyset so memory stays flat on any table size. */
  findForTraining(query?: TrainingQuery): AsyncIterable<JobRun[]>;
  findByPayloadId(payloadId: string): Promise<StoredJobRun | null>;
}
