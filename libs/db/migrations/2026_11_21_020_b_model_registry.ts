import { type Kysely, sql } from 'kysely';

/**
 * `model_versions`: the registry. Every trained model is a candidate; at most one per family is champion (enforced by
 * a partial unique index, so two promotions can never both win); former champions are retired.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('model_versions')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('family', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('version', 'text', (column) => column.notNull())
    .addColumn('run_id', 'uuid', (column) => column.notNull().references('training_runs.id'))
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('metrics', 'jsonb', (column) => column.notNull())
    .addColumn('primary_metric', 'text', (column) => column.notNull())
    .addColumn('primary_direction', 'text', (column) => column.notNull())
    .addColumn('primary_value', 'double precision')
    .addColumn('location', 'text', (column) => column.notNull())
    .addColumn('checksums', 'jsonb', (column) => column.notNull())
    .addColumn('gate_reason', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('promoted_at', 'timestamptz')
    .addColumn('retired_at', 'timestamptz')
    .addUniqueConstraint('model_versions_family_version', ['family', 'version'])
    .execute();

  await db.schema
    .createIndex('model_versions_one_champion')
    .on('model_versions')
    .column('family')
    .unique()
    .where(sql.ref('status'), '=', 'champion')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('model_versions').execute();
}
