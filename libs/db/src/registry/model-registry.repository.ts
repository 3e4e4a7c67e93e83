import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../database';
import type { ModelVersionsTable } from './model-versions.table';

export type ModelStatus = 'candidate' | 'champion' | 'retired';

export interface ModelVersion {
  id: string;
  family: string;
  kind: string;
  /** the run key that produced it, unique within the family */
  version: string;
  runId: string;
  status: ModelStatus;
  metrics: Record<string, number>;
  primaryMetric: string;
  primaryDirection: 'maximize' | 'minimize';
  primaryValue: number | null;
  location: string;
  checksums: Record<string, string>;
  /** why the gate promoted it or kept it a candidate */
  gateReason: string | null;
  createdAt: string;
  promotedAt: string | null;
  retiredAt: string | null;
}

export interface RegisterModelVersion {
  id: string;
  family: string;
  kind: string;
  version: string;
  runId: string;
  metrics: Record<string, number>;
  primaryMetric: string;
  primaryDirection: 'maximize' | 'minimize';
  primaryValue: number | null;
  location: string;
  checksums: Record<string, string>;
}

export interface Promotion {
  champion: ModelVersion;
  previous: ModelVersion | null;
}

/** The model registry (`model_versions`): candidates, the one champion per family, retired champions. */
export class ModelRegistryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async register(version: RegisterModelVersion): Promise<ModelVersion> {
    const row = await this.db
      .insertInto('model_versions')
      .values({
        id: version.id,
        family: version.family,
        kind: version.kind,
        version: version.version,
        run_id: version.runId,
        status: 'candidate',
        metrics: JSON.stringify(version.metrics),
        primary_metric: version.primaryMetric,
        primary_direction: version.primaryDirection,
        primary_value: version.primaryValue,
        location: version.location,
        checksums: JSON.stringify(version.checksums),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toModelVersion(row);
  }

  /**
   * Makes `id` the champion of its family and retires the current one, in one transaction (the partial unique index
   * refuses a second champion if two promotions race).
   */
  async promote(id: string, reason: string): Promise<Promotion> {
    return this.db.transaction().execute(async (trx) => {
      const target = await trx.selectFrom('model_versions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!target) throw new Error(`model version ${id} does not exist`);
      const now = new Date().toISOString();
      const previous = await trx
        .updateTable('model_versions')
        .set({ status: 'retired', retired_at: now })
        .where('family', '=', target.family)
        .where('status', '=', 'champion')
        .where('id', '!=', id)
        .returningAll()
        .executeTakeFirst();
      const champion = await trx
        .updateTable('model_versions')
        .set({ status: 'champion', promoted_at: now, retired_at: null, gate_reason: reason })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return { champion: toModelVersion(champion), previous: previous ? toModelVersion(previous) : null };
    });
  }

  /** Records why a candidate was not promoted; it stays a candidate. */
  async keepCandidate(id: string, reason: string): Promise<void> {
    await this.db.updateTable('model_versions').set({ gate_reason: reason }).where('id', '=', id).execute();
  }

  async findById(id: string): Promise<ModelVersion | null> {
    const row = await this.db.selectFrom('model_versions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toModelVersion(row) : null;
  }

  async findChampion(family: string): Promise<ModelVersion | null> {
    const row = await this.db
      .selectFrom('model_versions')
      .selectAll()
      .where('family', '=', family)
      .where('status', '=', 'champion')
      .executeTakeFirst();
    return row ? toModelVersion(row) : null;
  }

  async list(family?: string): Promise<ModelVersion[]> {
    let query = this.db.selectFrom('model_versions').selectAll().orderBy('created_at', 'desc');
    if (family) query = query.where('family', '=', family);
    return (await query.execute()).map(toModelVersion);
  }
}

function toModelVersion(row: Selectable<ModelVersionsTable>): ModelVersion {
  return {
    id: row.id,
    family: row.family,
    kind: row.kind,
    version: row.version,
    runId: row.run_id,
    status: row.status as ModelStatus,
    metrics: row.metrics,
    primaryMetric: row.primary_metric,
    primaryDirection: row.primary_direction as 'maximize' | 'minimize',
    primaryValue: row.primary_value,
    location: row.location,
    checksums: row.checksums,
    gateReason: row.gate_reason,
    createdAt: row.created_at.toISOString(),
    promotedAt: row.promoted_at?.toISOString() ?? null,
    retiredAt: row.retired_at?.toISOString() ?? null,
  };
}
