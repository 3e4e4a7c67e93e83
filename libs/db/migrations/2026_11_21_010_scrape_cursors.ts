import { type Kysely, sql } from 'kysely';

/**
 * `scrape_cursors`: how far each scraper got in its search index, one row per cursor name (engine + index).
 * The position is the sort key of the last document whose batch Kafka acknowledged: `@timestamp` in epoch
 * milliseconds (double precision: exact far beyond any date) and the tiebreaker (`_id` or `payload_id`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('scrape_cursors')
    .addColumn('name', 'text', (column) => column.primaryKey())
    .addColumn('timestamp_ms', 'double precision', (column) => column.notNull())
    .addColumn('tiebreaker', 'text', (column) => column.notNull())
    .addColumn('documents_published', 'double precision', (column) => column.notNull().defaultTo(0))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scrape_cursors').execute();
}
