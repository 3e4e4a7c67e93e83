import { mkdir } from 'node:fs/promises';
import { type Dialect, Kysely, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { Pool } from 'pg';
import { migrations } from '../../migrations';
import type { Database } from '../database';
import { type DatabaseLocation, parseDatabaseUrl } from './database-url';

export interface DatabaseOptions {
  /** `postgres://…`, `pglite://memory` or `pglite://<dir>` */
  url: string;
  /** PostgreSQL schema holding every table (the search_path); tests use one each to stay isolated. */
  schema?: string;
  /** connection pool size for PostgreSQL (PGlite has exactly one connection) */
  maxConnections?: number;
}

/** An open database: the Kysely handle, which engine serves it, and its lifecycle. */
export interface JobcastDatabase {
  readonly db: Kysely<Database>;
  readonly engine: DatabaseLocation['engine'];
  readonly schema: string;
  /** Applies every pending migration; returns the names applied now. */
  migrateToLatest(): Promise<string[]>;
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Opens PostgreSQL or the embedded PGlite behind the same Kysely interface; the url decides which. */
export async function createDatabase(options: DatabaseOptions): Promise<JobcastDatabase> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`database schema "${schema}" is not a plain lower-case SQL name`);
  const location = parseDatabaseUrl(options.url);
  const dialect =
    location.engine === 'postgres'
      ? postgresDialect(location.connectionString, schema, options.maxConnections ?? 10)
      : await pgliteDialect(location.dataDir, schema);
  const db = new Kysely<Database>({ dialect });
  if (schema !== 'public') await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  return {
    db,
    engine: location.engine,
    schema,
    migrateToLatest: () => migrateToLatest(db, schema),
    close: () => db.destroy(),
  };
}

function postgresDialect(connectionString: string, schema: string, maxConnections: number): Dialect {
  // search_path as a startup option applies to every pooled connection, before any query runs
  return new PostgresDialect({
    pool: new Pool({ connectionString, max: maxConnections, options: `-c search_path=${schema}` }),
  });
}

async function pgliteDialect(dataDir: string | undefined, schema: string): Promise<Dialect> {
  // loaded only here: PGlite is ~17 MB of RSS that processes on PostgreSQL never use
  const [{ PGlite }, { PGliteDialect }] = await Promise.all([import('@electric-sql/pglite'), import('kysely-pglite-dialect')]);
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  // one connection for the life of the instance, so a session setting is enough
  await pglite.exec(`create schema if not exists ${schema}; set search_path to ${schema};`);
  return new PGliteDialect(pglite);
}

async function migrateToLatest(db: Kysely<Database>, schema: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: schema,
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((result) => result.status === 'Error');
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`database migration failed${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return results.map((result) => result.migrationName);
}
