import { type Kysely, sql } from 'kysely';

/**
 * `job_runs.raw` compressed with lz4 instead of pglz: every raw document (~3 KB) is compressed as it is written,
 * and pglz was the server's largest cost in the ingest upsert (measured on 20,000 synthetic documents: 230 → 140
 * µs of PostgreSQL CPU per row). PGlite is built without lz4 (`feature_not_supported`) and keeps pglz.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    do $$ begin
      alter table job_runs alter column raw set compression lz4;
    exception when feature_not_supported then null;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table job_runs alter column raw set compression default`.execute(db);
}
