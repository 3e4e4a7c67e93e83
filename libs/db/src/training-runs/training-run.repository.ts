import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../database';
import type { TrainingRunsTable } from './training-runs.table';

/** `queued`: waiting behind another run of the same request or sweep (the lock is already held for it). */
export type TrainingRunStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export type TrainingTrigger = 'schedule' | 'manual' | 'sweep';

/** Live progress of a run: which network, which epoch, its losses. */
export interface TrainingProgress {
  model: string;
  epoch: number;
  totalEpochs: number;
  loss: number;
  valLoss?: number;
}

export interface TrainingRun {
  id: string;
  family: string;
  name: string;
  runKey: string;
  trigger: TrainingTrigger;
  sweepId: string | null;
  status: TrainingRunStatus;
  params: Record<string, unknown>;
  progress: TrainingProgress | null;
  metrics: Record<string, number>;
  dataFrom: string | null;
  dataTo: string | null;
  rowCount: number | null;
  location: string | null;
  modelId: string | null;
  error: string | null;
  /** `host:pid` of the trainer executing it */
  owner: string;
  startedAt: string;
  finishedAt: string | null;
}

export interface StartTrainingRun {
  id: string;
  status: 'queued' | 'running';
  family: string;
  name: string;
  runKey: string;
  trigger: TrainingTrigger;
  sweepId: string | null;
  params: Record<string, unknown>;
  owner: string;
  dataFrom: string | null;
  dataTo: string | null;
}

export interface TrainingRunOutcome {
  metrics: Record<string, number>;
  rowCount: number;
  location: string;
  modelId: string;
}

/** Reads and writes `training_runs`. */
export class TrainingRunRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(run: StartTrainingRun): Promise<TrainingRun> {
    const row = await this.db
      .insertInto('training_runs')
      .values({
        id: run.id,
        family: run.family,
        name: run.name,
        run_key: run.runKey,
        trigger: run.trigger,
        sweep_id: run.sweepId,
        status: run.status,
        params: JSON.stringify(run.params),
        owner: run.owner,
        data_from: run.dataFrom,
        data_to: run.dataTo,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toTrainingRun(row);
  }

  async markRunning(id: string): Promise<void> {
    await this.db
      .updateTable('training_runs')
      .set({ status: 'running', started_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
  }

  async reportProgress(id: string, progress: TrainingProgress): Promise<void> {
    await this.db
      .updateTable('training_runs')
      .set({ progress: JSON.stringify(progress) })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  }

  async succeed(id: string, outcome: TrainingRunOutcome): Promise<void> {
    await this.db
      .updateTable('training_runs')
      .set({
        status: 'succeeded',
        metrics: JSON.stringify(outcome.metrics),
        row_count: outcome.rowCount,
        location: outcome.location,
        model_id: outcome.modelId,
        finished_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .execute();
  }

  async fail(id: string, error: string): Promise<void> {
    await this.db
      .updateTable('training_runs')
      .set({ status: 'failed', error, finished_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .execute();
  }

  /** Marks every run still queued or running as failed; call only while holding the training lock. Returns their ids. */
  async failAbandoned(reason: string): Promise<string[]> {
    const rows = await this.db
      .updateTable('training_runs')
      .set({ status: 'failed', error: reason, finished_at: new Date().toISOString() })
      .where('status', 'in', ['queued', 'running'])
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  }

  async findById(id: string): Promise<TrainingRun | null> {
    const row = await this.db.selectFrom('training_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toTrainingRun(row) : null;
  }

  /** The run holding the training lock's attention: running, else the oldest queued one. */
  async findRunning(): Promise<TrainingRun | null> {
    const row = await this.db
      .selectFrom('training_runs')
      .selectAll()
      .where('status', 'in', ['queued', 'running'])
      .orderBy(sql`status = 'running'`, 'desc')
      .orderBy('started_at')
      .executeTakeFirst();
    return row ? toTrainingRun(row) : null;
  }

  async listBySweep(sweepId: string): Promise<TrainingRun[]> {
    const rows = await this.db
      .selectFrom('training_runs')
      .selectAll()
      .where('sweep_id', '=', sweepId)
      .orderBy('started_at')
      .execute();
    return rows.map(toTrainingRun);
  }

  async listRecent(limit: number): Promise<TrainingRun[]> {
    const rows = await this.db.selectFrom('training_runs').selectAll().orderBy('started_at', 'desc').limit(limit).execute();
    return rows.map(toTrainingRun);
  }
}

function toTrainingRun(row: Selectable<TrainingRunsTable>): TrainingRun {
  return {
    id: row.id,
    family: row.family,
    name: row.name,
    runKey: row.run_key,
    trigger: row.trigger as TrainingTrigger,
    sweepId: row.sweep_id,
    status: row.status as TrainingRunStatus,
    params: row.params,
    progress: (row.progress as TrainingProgress | null) ?? null,
    metrics: row.metrics,
    dataFrom: row.data_from?.toISOString() ?? null,
    dataTo: row.data_to?.toISOString() ?? null,
    rowCount: row.row_count,
    location: row.location,
    modelId: row.model_id,
    error: row.error,
    owner: row.owner,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}
