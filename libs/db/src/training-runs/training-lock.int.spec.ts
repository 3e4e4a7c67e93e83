import { createTestSchema, getPostgres, type TestSchema } from '@jobcast/testing';
import { createDatabase, type JobcastDatabase } from '../connection/create-database';
import { PostgresTrainingLock } from './training-lock';

/** One trainer's view of a real PostgreSQL server: its own schema, as each deployment or test suite has. */
async function openSchema(): Promise<{ database: JobcastDatabase; schema: TestSchema }> {
  const schema = await createTestSchema((await getPostgres()).url);
  const database = await createDatabase({ url: schema.url, schema: schema.schema, maxConnections: 3 });
  return { database, schema };
}

describe('PostgresTrainingLock on PostgreSQL', () => {
  const opened: Array<{ database: JobcastDatabase; schema: TestSchema }> = [];
  const open = async () => {
    const next = await openSchema();
    opened.push(next);
    return next.database;
  };

  afterEach(async () => {
    for (const { database, schema } of opened.splice(0)) {
      await database.close();
      await schema.drop();
    }
  });

  it('lets one replica of a schema hold it at a time, and frees it on release', async () => {
    const database = await open();
    const [first, second] = [new PostgresTrainingLock(database.db), new PostgresTrainingLock(database.db)];
    const held = await first.tryAcquire();
    expect(held).not.toBeNull();
    expect(await second.tryAcquire()).toBeNull();
    await held!.release();
    const again = await second.tryAcquire();
    expect(again).not.toBeNull();
    await again!.release();
  });

  it('does not block trainers of another schema in the same database', async () => {
    const [one, other] = [await open(), await open()];
    const heldHere = await new PostgresTrainingLock(one.db).tryAcquire();
    const heldThere = await new PostgresTrainingLock(other.db).tryAcquire();
    expect(heldHere).not.toBeNull();
    expect(heldThere).not.toBeNull();
    await heldHere!.release();
    await heldThere!.release();
  });
});
