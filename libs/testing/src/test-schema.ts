import { Client } from 'pg';
import { uniqueName } from './unique-name';

export interface TestSchema {
  /** the schema's name */
  schema: string;
  /** the database URL with search_path set to the schema: every unqualified table lands there */
  url: string;
  /** drops the schema and everything in it */
  drop(): Promise<void>;
}

/**
 * A fresh, empty PostgreSQL schema for one test suite, so suites can share one database in parallel.
 * The returned URL carries `options=-c search_path=<schema>`, which node-postgres passes to the server.
 */
export async function createTestSchema(databaseUrl: string): Promise<TestSchema> {
  const schema = uniqueName('test').replace(/[^a-z0-9]/g, '_');
  await withClient(databaseUrl, (client) => client.query(`CREATE SCHEMA "${schema}"`));
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    schema,
    url: url.toString(),
    drop: () => withClient(databaseUrl, (client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)),
  };
}

async function withClient(databaseUrl: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
