import { type Kysely, sql } from 'kysely';

/**
 * `training_sweeps` (one per sweep request) and `training_runs` (one per trained model run, scheduled, manual or
 * part of a sweep): status, live progress, metrics, where the artifacts went and why a run failed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('training_sweeps')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('family', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('spec', 'jsonb', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('metric', 'text', (column) => column.notNull())
    .addColumn('direction', 'text', (column) => column.notNull())
    .addColumn('best_run_id', 'uuid')
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('training_runs')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('family', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    // where the artifacts go below the family: the name, or `<sweep name>/<name>` for a sweep's runs
    .addColumn('run_key', 'text', (column) => column.notNull())
    .addColumn('trigger', 'text', (column) => column.notNull())
    .addColumn('sweep_id', 'uuid', (column) => column.references('training_sweeps.id'))
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('params', 'jsonb', (column) => column.notNull())
    .addColumn('progress', 'jsonb')
    .addColumn('metrics', 'jsonb', (column) => column.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('data_from', 'timestamptz')
    .addColumn('data_to', 'timestamptz')
    .addColumn('row_count', 'integer')
    .addColumn('location', 'text')
    .addColumn('model_id', 'uuid')
    .addColumn('error', 'text')
    .addColumn('owner', 'text', (column) => column.notNull())
    .addColumn('started_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addUniqueConstraint('training_runs_family_run_key', ['family', 'run_key'])
    .execute();

  // "the run in progress" (the 409 answer) and the clean-up of runs orphaned by a killed trainer
  await db.schema.createIndex('training_runs_status').on('training_runs').column('status').execute();
  await db.schema.createIndex('training_runs_sweep').on('training_runs').column('sweep_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('training_runs').execute();
  await db.schema.dropTable('training_sweeps').execute();
}
