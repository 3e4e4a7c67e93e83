import { Client } from 'pg';
import { getPostgres } from './services';
import { createTestSchema, TestSchema } from './test-schema';

// Proves the harness hands out a real PostgreSQL and that createTestSchema isolates a suite: a table created
// through the schema's URL lands in that schema, is written and read back, and disappears with drop().
describe('PostgreSQL smoke test', () => {
  let testSchema: TestSchema;
  let client: Client;
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = (await getPostgres()).url;
    testSchema = await createTestSchema(databaseUrl);
    client = new Client({ connectionString: testSchema.url });
    await client.connect();
  }, 20 * 60_000);

  afterAll(async () => {
    await client?.end();
  });

  it('reports the server version', async () => {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    console.log(`PostgreSQL ${rows[0].server_version}`);
    expect(rows[0].server_version).toMatch(/^\d+\.\d+/);
  });

  it('migrates, writes and reads inside the test schema', async () => {
    await client.query(
      `CREATE TABLE job_runs (payload_id text PRIMARY KEY, job_type text NOT NULL, duration_s double precision)`,
    );
    await client.query(`INSERT INTO job_runs VALUES ($1, $2, $3), ($4, $5, $6)`, [
      'a3e2', 'job-hello_world:develop', 113.0,
      'b7f1', 'job-hello_world:develop', 95.5,
    ]);

    const { rows } = await client.query(
      `SELECT job_type, count(*)::int AS runs, avg(duration_s) AS mean_duration, current_schema() AS schema
         FROM job_runs GROUP BY job_type`,
    );

    expect(rows).toEqual([
      { job_type: 'job-hello_world:develop', runs: 2, mean_duration: 104.25, schema: testSchema.schema },
    ]);
  });

  it('drops the schema with everything in it', async () => {
    await testSchema.drop();
    const outside = new Client({ connectionString: databaseUrl });
    await outside.connect();
    const { rowCount } = await outside.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [
      testSchema.schema,
    ]);
    await outside.end();
    expect(rowCount).toBe(0);
  });
});
