import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, string | undefined, string>;
type NullableTimestamp = ColumnType<Date | null, string | null | undefined, string | null>;
/** jsonb written as JSON text (both drivers pass it through), read back parsed */
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

export interface TrainingSweepsTable {
  id: string;
  family: string;
  name: string;
  spec: Json<unknown>;
  status: string;
  metric: string;
  direction: string;
  best_run_id: string | null;
  error: string | null;
  created_at: Generated<Date>;
  finished_at: NullableTimestamp;
}

export interface TrainingRunsTable {
  id: string;
  family: string;
  name: string;
  run_key: string;
  trigger: string;
  sweep_id: string | null;
  status: string;
  params: Json<Record<string, unknown>>;
  progress: NullableJson<Record<string, unknown>>;
  metrics: ColumnType<Record<string, number>, string | undefined, string>;
  data_from: NullableTimestamp;
  data_to: NullableTimestamp;
  row_count: number | null;
  location: string | null;
  model_id: string | null;
  error: string | null;
  owner: string;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface TrainingRunTables {
  training_sweeps: TrainingSweepsTable;
  training_runs: TrainingRunsTable;
}
