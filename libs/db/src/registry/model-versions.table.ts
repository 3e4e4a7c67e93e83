import type { ColumnType, Generated } from 'kysely';

type NullableTimestamp = ColumnType<Date | null, string | null | undefined, string | null>;
type Json<T> = ColumnType<T, string, string>;

export interface ModelVersionsTable {
  id: string;
  family: string;
  kind: string;
  version: string;
  run_id: string;
  status: string;
  metrics: Json<Record<string, number>>;
  primary_metric: string;
  primary_direction: string;
  primary_value: number | null;
  location: string;
  checksums: Json<Record<string, string>>;
  gate_reason: string | null;
  created_at: Generated<Date>;
  promoted_at: NullableTimestamp;
  retired_at: NullableTimestamp;
}

export interface ModelRegistryTables {
  model_versions: ModelVersionsTable;
}
