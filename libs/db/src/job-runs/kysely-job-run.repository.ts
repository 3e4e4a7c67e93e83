import type { JobRun } from '@jobcast/contracts';
import { type Insertable, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../database';
import { fromJobRunRow, toJobRunRow } from './job-run.row';
import { upsertJobRunRows } from './job-run.upsert';
import type {
  JobRunFilter,
  JobRunRecord,
  JobRunRepository,
  StoredJobRun,
  TrainingQuery,
  UpsertResult,
} from './job-run.repository';
import type { JobRunsTable } from './job-runs.table';

const DEFAULT_PAGE_SIZE = 5_000;

/** Kysely adapter of JobRunRepository; the same SQL runs on PostgreSQL and PGlite. */
export class KyselyJobRunRepository implements JobRunRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async upsertMany(records: readonly JobRunRecord[]): Promise<UpsertResult> {
    const latest = latestPerPayload(records.map((record) => ({ record, row: toJobRunRow(record) })));
    const result: UpsertResult = { written: 0, stale: records.length - latest.length, rejected: [] };
    await this.writeIsolatingBadRows(latest, result);
    return result;
  }

  async count(filter: JobRunFilter = {}): Promise<number> {
    const { total } = await applyFilter(this.db.selectFrom('job_runs'), filter)
      .select((eb) => eb.fn.countAll<string | number>().as('total'))
      .executeTakeFirstOrThrow();
    return Number(total);
  }

  async *findForTraining(query: TrainingQuery = {}): AsyncIterable<JobRun[]> {
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    let remaining = query.limit ?? Number.POSITIVE_INFINITY;
    let after: { updatedAt: Date; payloadId: string } | null = null;
    while (remaining > 0) {
      let page = applyFilter(this.db.selectFrom('job_runs'), query)
        .select(SELECTED_COLUMNS)
        .orderBy('updated_at')
        .orderBy('payload_id')
        .limit(Math.min(pageSize, remaining));
      if (after) {
        const { updatedAt, payloadId } = after;
        page = page.where(sql<boolean>`(updated_at, payload_id) > (${updatedAt.toISOString()}::timestamptz, ${payloadId})`);
      }
      const rows = await page.execute();
      if (rows.length === 0) return;
      const last = rows[rows.length - 1];
      after = { updatedAt: last.updated_at, payloadId: last.payload_id };
      remaining -= rows.length;
      yield rows.map(fromJobRunRow);
      if (rows.length < pageSize) return;
    }
  }

  async findByPayloadId(payloadId: string): Promise<StoredJobRun | null> {
    const row = await this.db
      .selectFrom('job_runs')
      .select([...SELECTED_COLUMNS, 'raw', 'ingested_at'])
      .where('payload_id', '=', payloadId)
      .executeTakeFirst();
    if (!row) return null;
    return { ...fromJobRunRow(row), raw: row.raw, ingestedAt: row.ingested_at.toISOString() };
  }

  /**
   * Writes rows in one statement; if the database refuses the data (SQLSTATE class 22 data exception, e.g. an invalid
   * Unicode escape in a raw document, or 54 program limit, e.g. a value too large), splits the batch to write every
   * good row and report each bad one under the payload id the caller gave.
   */
  private async writeIsolatingBadRows(pending: PendingRow[], result: UpsertResult): Promise<void> {
    try {
      const written = await upsertJobRunRows(this.db, pending.map(({ row }) => row));
      result.written += written;
      result.stale += pending.length - written;
    } catch (error) {
      if (!isRowDataError(error)) throw error;
      if (pending.length === 1) {
        result.rejected.push({ payloadId: pending[0].record.run.payloadId, reason: (error as Error).message });
        return;
      }
      const middle = Math.ceil(pending.length / 2);
      await this.writeIsolatingBadRows(pending.slice(0, middle), result);
      await this.writeIsolatingBadRows(pending.slice(middle), result);
    }
  }
}

/** A record and the row it becomes. */
interface PendingRow {
  record: JobRunRecord;
  row: Insertable<JobRunsTable>;
}

const SELECTED_COLUMNS = [
  'payload_id', 'source', 'job_id', 'job_type', 'queue', 'instance_type', 'status', 'exit_code', 'queued_at',
  'started_at', 'ended_at', 'updated_at', 'queue_wait_seconds', 'duration_seconds', 'command_duration_seconds',
  'input_count', 'input_bytes', 'output_bytes', 'peak_memory_bytes', 'cpu_count', 'tags', 'features',
] as const satisfies ReadonlyArray<keyof JobRunsTable>;

/**
 * One row per stored payload id (after the row mapping, which may strip characters), the newest `updatedAt`
 * winning (ties: the later record), because one INSERT … ON CONFLICT cannot touch the same row twice.
 */
function latestPerPayload(pending: readonly PendingRow[]): PendingRow[] {
  const latest = new Map<string, PendingRow>();
  for (const candidate of pending) {
    const seen = latest.get(candidate.row.payload_id);
    if (!seen || Date.parse(seen.record.run.updatedAt) <= Date.parse(candidate.record.run.updatedAt)) {
      latest.set(candidate.row.payload_id, candidate);
    }
  }
  return [...latest.values()];
}

function applyFilter<O>(
  query: SelectQueryBuilder<Database, 'job_runs', O>,
  filter: JobRunFilter,
): SelectQueryBuilder<Database, 'job_runs', O> {
  let filtered = query;
  if (filter.source !== undefined) filtered = filtered.where('source', '=', filter.source);
  if (filter.jobType !== undefined) filtered = filtered.where('job_type', '=', filter.jobType);
  if (filter.instanceType !== undefined) filtered = filtered.where('instance_type', '=', filter.instanceType);
  if (filter.statuses !== undefined) {
    if (filter.statuses.length === 0) return filtered.where((eb) => eb.lit(false));
    filtered = filtered.where('status', 'in', filter.statuses);
  }
  if (filter.from !== undefined) filtered = filtered.where('updated_at', '>=', filter.from as never);
  if (filter.to !== undefined) filtered = filtered.where('updated_at', '<', filter.to as never);
  return filtered;
}

function isRowDataError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('54'));
}
