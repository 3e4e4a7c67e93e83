import { type Kysely, sql } from 'kysely';

/**
 * `job_runs`: one row per job (payload_id), overwritten by newer status changes. Measures are double precision,
 * not bigint, so both drivers hand back plain numbers (exact to 2^53 bytes); `raw` keeps the source record so a
 * better normalizer can re-derive every column later.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_runs')
    .addColumn('payload_id', 'text', (column) => column.primaryKey())
    .addColumn('source', 'text', (column) => column.notNull())
    .addColumn('job_id', 'text')
    .addColumn('job_type', 'text', (column) => column.notNull())
    .addColumn('queue', 'text')
    .addColumn('instance_type', 'text')
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('exit_code', 'integer')
    .addColumn('queued_at', 'timestamptz')
    .addColumn('started_at', 'timestamptz')
    .addColumn('ended_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull())
    .addColumn('queue_wait_seconds', 'double precision')
    .addColumn('duration_seconds', 'double precision')
    .addColumn('command_duration_seconds', 'double precision')
    .addColumn('input_count', 'double precision')
    .addColumn('input_bytes', 'double precision')
    .addColumn('output_bytes', 'double precision')
    .addColumn('peak_memory_bytes', 'double precision')
    .addColumn('cpu_count', 'double precision')
    .addColumn('tags', sql`text[]`, (column) => column.notNull().defaultTo(sql`'{}'`))
    .addColumn('features', 'jsonb', (column) => column.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('raw', 'jsonb')
    .addColumn('ingested_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();

  // per (job type, instance) statistics and training sets
  await db.schema.createIndex('job_runs_job_type_instance_type').on('job_runs').columns(['job_type', 'instance_type']).execute();
  // "newest finished job of a source" and time-bounded reads per source
  await db.schema.createIndex('job_runs_source_ended_at').on('job_runs').columns(['source', 'ended_at']).execute();
  // keyset paging of training reads (updated_at, payload_id)
  await db.schema.createIndex('job_runs_updated_at').on('job_runs').columns(['updated_at', 'payload_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_runs').execute();
}
