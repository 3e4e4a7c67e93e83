import { Inject, Injectable, Logger } from '@nestjs/common';
import { MODEL_FAMILIES, REQUIRED_FAMILIES, type LoadedModel, type ModelFamily } from './model-ports';
import { MODEL_SOURCE, type ModelReference, type ModelSource, NoChampionError } from './model-source.port';
import { validateModel } from './model-validation';
import { PredictorMetrics } from '../observability/predictor-metrics';

/** The models serving right now. Replaced as a whole object, so a request that took it keeps a consistent set. */
export interface ModelSnapshot {
  readonly calcloud: LoadedModel<'calcloud'> | null;
  readonly runtime: LoadedModel<'runtime'> | null;
  readonly 'condor-hold': LoadedModel<'condor-hold'> | null;
}

export interface Refusal {
  family: ModelFamily;
  reason: string;
  at: string;
  reference: ModelReference | null;
}

export type ReloadOutcome = { family: ModelFamily; loaded: true; version: string } | { family: ModelFamily; loaded: false; reason: string };

export interface ServingStatus {
  /** every required family has a model serving */
  ready: boolean;
  /** a required family is missing, or the latest load of some family was refused (the previous model still serves) */
  degraded: boolean;
  families: Record<ModelFamily, { version: string; location: string; loadedAt: string } | null>;
  refusals: Refusal[];
  source: string;
}

/**
 * Loads champions from the ModelSource, validates them on canary inputs and swaps them in atomically.
 * A model that fails to load or validate is refused; the one before it keeps serving. An optional family with no
 * champion yet is not a refusal: there is nothing wrong to report.
 */
@Injectable()
export class ServingModels {
  private readonly logger = new Logger(ServingModels.name);
  private current: ModelSnapshot = { calcloud: null, runtime: null, 'condor-hold': null };
  /** latest refusal per family, cleared by that family's next successful load */
  private readonly refusals = new Map<ModelFamily, Refusal>();
  private readonly listeners: Array<(status: ServingStatus) => void> = [];

  constructor(
    @Inject(MODEL_SOURCE) private readonly source: ModelSource,
    private readonly metrics: PredictorMetrics,
  ) {}

  /** Called after every load attempt (the gRPC health service follows readiness this way). */
  onChange(listener: (status: ServingStatus) => void): void {
    this.listeners.push(listener);
  }

  snapshot(): ModelSnapshot {
    return this.current;
  }

  async loadAll(): Promise<ReloadOutcome[]> {
    return Promise.all(MODEL_FAMILIES.map((family) => this.reload(family, null)));
  }

  async reload(family: ModelFamily, reference: ModelReference | null): Promise<ReloadOutcome> {
    let candidate: LoadedModel;
    try {
      candidate = await this.source.load(family, reference);
    } catch (error) {
      const reason = (error as Error).message;
      if (error instanceof NoChampionError && !REQUIRED_FAMILIES.includes(family)) {
        this.logger.log(`not serving ${family}: ${reason}`);
        return { family, loaded: false, reason };
      }
      return this.refuse(family, reference, `failed to load: ${reason}`);
    }
    const invalid = validateModel(family, candidate.model);
    if (invalid !== null) return this.refuse(family, reference, `failed validation: ${invalid}`);
    this.current = { ...this.current, [family]: candidate };
    this.refusals.delete(family);
    this.logger.log(`serving ${family} ${candidate.version} from ${candidate.location}`);
    this.changed(family, 'loaded');
    return { family, loaded: true, version: candidate.version };
  }

  status(): ServingStatus {
    const families = Object.fromEntries(
      MODEL_FAMILIES.map((family) => {
        const loaded = this.current[family];
        return [family, loaded && { version: loaded.version, location: loaded.location, loadedAt: loaded.loadedAt }];
      }),
    ) as ServingStatus['families'];
    const ready = REQUIRED_FAMILIES.every((family) => this.current[family] !== null);
    return { ready, degraded: !ready || this.refusals.size > 0, families, refusals: [...this.refusals.values()], source: this.source.description };
  }

  private refuse(family: ModelFamily, reference: ModelReference | null, reason: string): ReloadOutcome {
    this.refusals.set(family, { family, reason, at: new Date().toISOString(), reference });
    const previous = this.current[family];
    this.logger.warn(`refused ${family} model: ${reason}; ${previous ? `still serving ${previous.version}` : 'none serving'}`);
    this.changed(family, 'refused');
    return { family, loaded: false, reason };
  }

  private changed(family: ModelFamily, outcome: 'loaded' | 'refused'): void {
    this.metrics.modelLoads.inc({ family, outcome });
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }
}
