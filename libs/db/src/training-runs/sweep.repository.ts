import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../database';
import type { TrainingSweepsTable } from './training-runs.table';

export type SweepStatus = 'running' | 'succeeded' | 'failed';

export interface TrainingSweep {
  id: string;
  family: string;
  name: string;
  spec: unknown;
  status: SweepStatus;
  metric: string;
  direction: 'maximize' | 'minimize';
  bestRunId: string | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface StartSweep {
  id: string;
  family: string;
  name: string;
  spec: unknown;
  metric: string;
  direction: 'maximize' | 'minimize';
}

/** Reads and writes `training_sweeps`. */
export class SweepRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async start(sweep: StartSweep): Promise<TrainingSweep> {
    const row = await this.db
      .insertInto('training_sweeps')
      .values({ ...sweep, spec: JSON.stringify(sweep.spec), status: 'running' })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSweep(row);
  }

  async finish(id: string, outcome: { bestRunId: string | null; error: string | null }): Promise<void> {
    await this.db
      .updateTable('training_sweeps')
      .set({
        status: outcome.error ? 'failed' : 'succeeded',
        best_run_id: outcome.bestRunId,
        error: outcome.error,
        finished_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Marks sweeps left `running` by a killed trainer as failed; call only while holding the training lock. */
  async failAbandoned(reason: string): Promise<void> {
    await this.db
      .updateTable('training_sweeps')
      .set({ status: 'failed', error: reason, finished_at: new Date().toISOString() })
      .where('status', '=', 'running')
      .execute();
  }

  async findById(id: string): Promise<TrainingSweep | null> {
    const row = await this.db.selectFrom('training_sweeps').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSweep(row) : null;
  }
}

function toSweep(row: Selectable<TrainingSweepsTable>): TrainingSweep {
  return {
    id: row.id,
    family: row.family,
    name: row.name,
    spec: row.spec,
    status: row.status as SweepStatus,
    metric: row.metric,
    direction: row.direction as 'maximize' | 'minimize',
    bestRunId: row.best_run_id,
    error: row.error,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}
