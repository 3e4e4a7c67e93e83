import { type Kysely, sql } from 'kysely';
import type { JobcastDatabase } from '../connection/create-database';
import type { Database } from '../database';

/** A held training lock; release it exactly once when the run (or sweep) ends. */
export interface HeldTrainingLock {
  release(): Promise<void>;
}

/** "Exactly one training run at a time": tryAcquire answers null while anyone else holds it. */
export interface TrainingLock {
  tryAcquire(): Promise<HeldTrainingLock | null>;
}

/** Advisory-lock key of the trainer ("jobc" in ASCII), shared by every replica. */
export const TRAINING_LOCK_KEY = 0x6a6f6263;

/**
 * A PostgreSQL session advisory lock held on a dedicated pooled connection for the whole run. If the trainer dies,
 * its connection closes and the server releases the lock: it can never stay stuck. Advisory locks are per database,
 * so the second key is the schema's hash: deployments (or test suites) in other schemas of the same database never
 * block each other.
 */
export class PostgresTrainingLock implements TrainingLock {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly key: number = TRAINING_LOCK_KEY,
  ) {}

  async tryAcquire(): Promise<HeldTrainingLock | null> {
    let answer!: (locked: boolean) => void;
    let fail!: (error: unknown) => void;
    const acquired = new Promise<boolean>((resolve, reject) => {
      answer = resolve;
      fail = reject;
    });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));

    const session = this.db
      .connection()
      .execute(async (connection) => {
        const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${this.key}, hashtext(current_schema())) as locked`.execute(connection);
        const locked = rows[0]?.locked === true;
        answer(locked);
        if (!locked) return;
        try {
          await released;
        } finally {
          await sql`select pg_advisory_unlock(${this.key}, hashtext(current_schema()))`.execute(connection);
        }
      })
      .catch((error: unknown) => fail(error));

    if (!(await acquired)) {
      await session;
      return null;
    }
    return {
      release: async () => {
        release();
        await session;
      },
    };
  }
}

/**
 * The lock for the embedded PGlite database: one process owns the database, so a flag is the whole truth (PGlite
 * has a single connection that a held session would block).
 */
export class InProcessTrainingLock implements TrainingLock {
  private held = false;

  async tryAcquire(): Promise<HeldTrainingLock | null> {
    if (this.held) return null;
    this.held = true;
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        this.held = false;
      },
    };
  }
}

/** The advisory lock on PostgreSQL, the in-process flag on PGlite. */
export function createTrainingLock(database: JobcastDatabase): TrainingLock {
  return database.engine === 'postgres' ? new PostgresTrainingLock(database.db) : new InProcessTrainingLock();
}
