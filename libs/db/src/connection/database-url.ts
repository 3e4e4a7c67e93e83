/** Where the database lives, read from a `DATABASE_URL`-style string. */
export type DatabaseLocation =
  | { engine: 'postgres'; connectionString: string }
  /** `dataDir` undefined = in memory */
  | { engine: 'pglite'; dataDir: string | undefined };

const PGLITE_PREFIX = 'pglite://';

/**
 * `postgres://…` / `postgresql://…` → a PostgreSQL server; `pglite://memory` → embedded, in memory;
 * `pglite://<dir>` → embedded, persisted in that folder (relative to the working directory, or absolute as
 * `pglite:///abs/dir`).
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (/^postgres(ql)?:\/\//.test(url)) return { engine: 'postgres', connectionString: url };
  if (url.startsWith(PGLITE_PREFIX)) {
    const path = url.slice(PGLITE_PREFIX.length);
    if (path === '') throw new Error(`database url "${url}" names no PGlite folder (use pglite://memory or pglite://<dir>)`);
    return { engine: 'pglite', dataDir: path === 'memory' ? undefined : path };
  }
  throw new Error(`database url "${redact(url)}" is neither postgres://… nor pglite://…`);
}

/** Hides a password before a url goes into an error message. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
