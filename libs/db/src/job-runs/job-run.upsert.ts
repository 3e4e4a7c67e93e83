import { type Insertable, type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../database';
import type { JobRunsTable } from './job-runs.table';

type Column = keyof Insertable<JobRunsTable> & keyof JobRunsTable;

/**
 * How each column travels: as one array parameter per column (`unnest`), so a batch of any size is one statement
 * with a fixed number of parameters, cheap to build and to bind. jsonb and the tags travel as JSON text and are
 * converted in SQL, because a text[][] would have to be rectangular.
 */
const COLUMNS: ReadonlyArray<{ name: Column; arrayType: string; select?: (value: RawBuilder<unknown>) => RawBuilder<unknown> }> = [
  { name: 'payload_id', arrayType: 'text[]' },
  { name: 'source', arrayType: 'text[]' },
  { name: 'job_id', arrayType: 'text[]' },
  { name: 'job_type', arrayType: 'text[]' },
  { name: 'queue', arrayType: 'text[]' },
  { name: 'instance_type', arrayType: 'text[]' },
  { name: 'status', arrayType: 'text[]' },
  { name: 'exit_code', arrayType: 'int4[]' },
  { name: 'queued_at', arrayType: 'timestamptz[]' },
  { name: 'started_at', arrayType: 'timestamptz[]' },
  { name: 'ended_at', arrayType: 'timestamptz[]' },
  { name: 'updated_at', arrayType: 'timestamptz[]' },
  { name: 'queue_wait_seconds', arrayType: 'float8[]' },
  { name: 'duration_seconds', arrayType: 'float8[]' },
  { name: 'command_duration_seconds', arrayType: 'float8[]' },
  { name: 'input_count', arrayType: 'float8[]' },
  { name: 'input_bytes', arrayType: 'float8[]' },
  { name: 'output_bytes', arrayType: 'float8[]' },
  { name: 'peak_memory_bytes', arrayType: 'float8[]' },
  { name: 'cpu_count', arrayType: 'float8[]' },
  { name: 'tags', arrayType: 'text[]', select: (tags) => sql`array(select jsonb_array_elements_text(${tags}::jsonb))` },
  { name: 'features', arrayType: 'text[]', select: (features) => sql`${features}::jsonb` },
  { name: 'raw', arrayType: 'text[]', select: (raw) => sql`${raw}::jsonb` },
];

/** Every column but the key is overwritten by a newer status. */
const UPDATED_COLUMNS = COLUMNS.map(({ name }) => name).filter((name) => name !== 'payload_id');

/**
 * One `INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE … WHERE` for the whole batch: rows whose stored
 * `updated_at` is newer are left alone (last writer wins by status time, equal times overwrite).
 * Rows must have distinct payload ids. Returns how many rows were inserted or overwritten.
 */
export async function upsertJobRunRows(db: Kysely<Database>, rows: ReadonlyArray<Insertable<JobRunsTable>>): Promise<number> {
  if (rows.length === 0) return 0;
  const parameters = COLUMNS.map(({ name, arrayType }) => {
    const values = rows.map((row) => (name === 'tags' ? JSON.stringify(row.tags ?? []) : (row[name] ?? null)));
    return sql`${values}::${sql.raw(arrayType)}`;
  });
  const selected = COLUMNS.map(({ name, select }) => (select ? select(sql.ref(`batch.${name}`)) : sql.ref(`batch.${name}`)));
  const { rows: written } = await sql<{ payload_id: string }>`
    insert into job_runs (${sql.join(COLUMNS.map(({ name }) => sql.ref(name)))})
    select ${sql.join(selected)}
    from unnest(${sql.join(parameters)}) as batch(${sql.join(COLUMNS.map(({ name }) => sql.id(name)))})
    on conflict (payload_id) do update
      set ${sql.join(UPDATED_COLUMNS.map((name) => sql`${sql.id(name)} = excluded.${sql.id(name)}`))},
          ingested_at = now()
      where job_runs.updated_at <= excluded.updated_at
    returning payload_id`.execute(db);
  return written.length;
}
