import { type Insertable, type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../database';
import type { JobRunsTable } from './job-runs.table';

type Column = keyof Insertable<JobRunsTable> & keyof JobRunsTable;

/**
 * How each column travels: scalars as one array parameter per column (`unnest`), the JSON columns as one JSON array
 * per column (`jsonb_array_elements`), zipped row by row with `ROWS FROM`. A batch of any size is one statement with
 * a fixed number of parameters; the JSON texts go out verbatim, because a text[] literal would escape every quote
 * of every raw document (and the server would unescape it again) before parsing the JSON.
 */
const COLUMNS: ReadonlyArray<{
  name: Column;
  /** `array`: a PostgreSQL array of this type; `json`: a JSON array of the rows' JSON texts */
  travel: { array: string } | { json: (row: Insertable<JobRunsTable>) => string };
  select?: (value: RawBuilder<unknown>) => RawBuilder<unknown>;
}> = [
  { name: 'payload_id', travel: { array: 'text[]' } },
  { name: 'source', travel: { array: 'text[]' } },
  { name: 'job_id', travel: { array: 'text[]' } },
  { name: 'job_type', travel: { array: 'text[]' } },
  { name: 'queue', travel: { array: 'text[]' } },
  { name: 'instance_type', travel: { array: 'text[]' } },
  { name: 'status', travel: { array: 'text[]' } },
  { name: 'exit_code', travel: { array: 'int4[]' } },
  { name: 'queued_at', travel: { array: 'timestamptz[]' } },
  { name: 'started_at', travel: { array: 'timestamptz[]' } },
  { name: 'ended_at', travel: { array: 'timestamptz[]' } },
  { name: 'updated_at', travel: { array: 'timestamptz[]' } },
  { name: 'queue_wait_seconds', travel: { array: 'float8[]' } },
  { name: 'duration_seconds', travel: { array: 'float8[]' } },
  { name: 'command_duration_seconds', travel: { array: 'float8[]' } },
  { name: 'input_count', travel: { array: 'float8[]' } },
  { name: 'input_bytes', travel: { array: 'float8[]' } },
  { name: 'output_bytes', travel: { array: 'float8[]' } },
  { name: 'peak_memory_bytes', travel: { array: 'float8[]' } },
  { name: 'cpu_count', travel: { array: 'float8[]' } },
  // A text[][] would have to be rectangular: the tags travel as JSON lists.
  {
    name: 'tags',
    travel: { json: (row) => JSON.stringify(row.tags ?? []) },
    select: (tags) => sql`array(select jsonb_array_elements_text(${tags}))`,
  },
  { name: 'features', travel: { json: (row) => jsonTextOf(row.features) } },
  // JSON null stands for "no raw document" in the array; a raw document is always an object.
  { name: 'raw', travel: { json: (row) => jsonTextOf(row.raw) }, select: (raw) => sql`nullif(${raw}, 'null'::jsonb)` },
];

/** A jsonb column's row value is already JSON text (see toJobRunRow); null becomes JSON null. */
function jsonTextOf(value: unknown): string {
  return typeof value === 'string' ? value : 'null';
}

/** Every column but the key is overwritten by a newer status. */
const UPDATED_COLUMNS = COLUMNS.map(({ name }) => name).filter((name) => name !== 'payload_id');

/**
 * One `INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE … WHERE` for the whole batch: rows whose stored
 * `updated_at` is newer are left alone (last writer wins by status time, equal times overwrite).
 * Rows must have distinct payload ids. Returns how many rows were inserted or overwritten.
 */
export async function upsertJobRunRows(db: Kysely<Database>, rows: ReadonlyArray<Insertable<JobRunsTable>>): Promise<number> {
  if (rows.length === 0) return 0;
  const sources = COLUMNS.map(({ name, travel }) => {
    if ('json' in travel) return sql`jsonb_array_elements(${'[' + rows.map(travel.json).join(',') + ']'}::jsonb)`;
    return sql`unnest(${rows.map((row) => row[name] ?? null)}::${sql.raw(travel.array)})`;
  });
  const selected = COLUMNS.map(({ name, select }) => (select ? select(sql.ref(`batch.${name}`)) : sql.ref(`batch.${name}`)));
  const { numAffectedRows } = await sql`
    insert into job_runs (${sql.join(COLUMNS.map(({ name }) => sql.ref(name)))})
    select ${sql.join(selected)}
    from rows from (${sql.join(sources)}) as batch(${sql.join(COLUMNS.map(({ name }) => sql.id(name)))})
    on conflict (payload_id) do update
      set ${sql.join(UPDATED_COLUMNS.map((name) => sql`${sql.id(name)} = excluded.${sql.id(name)}`))},
          ingested_at = now()
      where job_runs.updated_at <= excluded.updated_at`.execute(db);
  // Inserted plus overwritten rows; a conflict the WHERE refused is not counted.
  return Number(numAffectedRows ?? 0n);
}
