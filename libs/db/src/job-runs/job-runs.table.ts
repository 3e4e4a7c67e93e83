import type { ColumnType, Generated } from 'kysely';

/** A timestamptz column: written as an ISO string, read back as a Date. */
type Timestamp = ColumnType<Date, string, string>;
type NullableTimestamp = ColumnType<Date | null, string | null, string | null>;
/** A jsonb column: written as JSON text (so both drivers pass it through untouched), read back parsed. */
type Json<T> = ColumnType<T, string, string>;

/** Row of `job_runs`: one per job (payload), the latest status wins. Columns mirror `JobRun`. */
export interface JobRunsTable {
  payload_id: string;
  source: string;
  job_id: string | null;
  job_type: string;
  queue: string | null;
  instance_type: string | null;
  status: string;
  exit_code: number | null;
  queued_at: NullableTimestamp;
  started_at: NullableTimestamp;
  ended_at: NullableTimestamp;
  updated_at: Timestamp;
  queue_wait_seconds: number | null;
  duration_seconds: number | null;
  command_duration_seconds: number | null;
  input_count: number | null;
  input_bytes: number | null;
  output_bytes: number | null;
  peak_memory_bytes: number | null;
  cpu_count: number | null;
  tags: string[];
  features: Json<Record<string, string | number | boolean | null>>;
  raw: Json<unknown> | null;
  ingested_at: Generated<Date>;
}

export interface JobRunTables {
  job_runs: JobRunsTable;
}
