import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModelRegistryRepository, type ModelVersion, type TrainingRun, TrainingRunRepository } from '@jobcast/db';
import {
  decidePromotion,
  type EarlyStoppingConfig,
  type GateDecision,
  type GateEvaluation,
  MODEL_STORE,
  type ModelFamily,
  type ModelStore,
  type ParamSet,
  type RunRecord,
} from '@jobcast/models';
import { TRAINER_CONFIG, type TrainerConfig } from '../config';
import { RUN_EXECUTOR, type RunExecutor } from '../execution/run-executor.port';
import type { RunEvent } from '../execution/run-job';
import { PromotionService } from '../promotion/promotion.service';
import { CODE_VERSION } from '../tokens';
import { type DataWindow, TrainingDataLoader } from './training-data.loader';
import { CorruptArtifactsError } from './training-errors';

export interface RunPlan {
  family: ModelFamily;
  /** merged over the family's defaults */
  params: ParamSet;
  window: DataWindow;
  earlyStopping: EarlyStoppingConfig | null;
}

export interface TrainedRun {
  run: TrainingRun;
  family: ModelFamily;
  model: ModelVersion;
  record: RunRecord;
  gate: GateEvaluation;
}

/** Progress goes to the database at most this often per run; every epoch still goes to the log. */
const PROGRESS_WRITE_INTERVAL_MS = 500;

/**
 * One run from its recorded row to a registered candidate: load the window → execute the training task (worker thread
 * or separate process) → publish the run folder to the model store → register the candidate. Then the promotion gate.
 * A failure at any step marks the run failed with the reason and leaves the champion untouched.
 */
@Injectable()
export class RunPipeline {
  private readonly logger = new Logger(RunPipeline.name);

  constructor(
    @Inject(TRAINER_CONFIG) private readonly config: TrainerConfig,
    @Inject(CODE_VERSION) private readonly codeVersion: string,
    @Inject(RUN_EXECUTOR) private readonly executor: RunExecutor,
    @Inject(MODEL_STORE) private readonly store: ModelStore,
    private readonly runs: TrainingRunRepository,
    private readonly registry: ModelRegistryRepository,
    private readonly loader: TrainingDataLoader,
    private readonly promotion: PromotionService,
  ) {}

  /**
   * Trains and registers a candidate; null when the run failed (its row says why). The run stays `running` until
   * `conclude`, so a reader who sees `succeeded` also sees the gate's outcome.
   */
  async train(run: TrainingRun, plan: RunPlan, signal: AbortSignal): Promise<TrainedRun | null> {
    const outDir = join(this.config.TRAINER_WORK_DIR, 'staging', run.id);
    await this.runs.markRunning(run.id);
    this.logger.log(`run ${run.id} (${plan.family.name}/${run.runKey}) started`);
    try {
      const rows = await this.loader.load(plan.family, plan.window);
      const champion = await this.registry.findChampion(plan.family.name);
      const championDir = champion ? await this.materialize(champion) : null;
      const result = await this.executor.execute(
        {
          job: {
            runId: run.id,
            family: plan.family.name,
            runName: run.runKey,
            params: plan.params,
            split: { kind: 'holdout', testFraction: this.config.TRAINER_TEST_FRACTION, timeOrdered: true, seed: 42 },
            earlyStopping: plan.earlyStopping,
            dataWindow: plan.window,
            codeVersion: this.codeVersion,
            outDir,
            championDir: championDir?.dir,
          },
          rows,
        },
        this.progressReporter(run),
        signal,
      );
      const location = await this.store.putRun(plan.family.name, run.runKey, outDir);
      const { record } = result;
      const model = await this.registry.register({
        id: crypto.randomUUID(),
        family: plan.family.name,
        kind: record.kind,
        version: run.runKey,
        runId: run.id,
        metrics: record.metrics,
        primaryMetric: record.primaryMetric.name,
        primaryDirection: record.primaryMetric.direction,
        primaryValue: Number.isFinite(record.primaryMetric.value) ? record.primaryMetric.value : null,
        location,
        checksums: record.checksums,
      });
      this.logger.log(`run ${run.id} trained: ${record.primaryMetric.name}_test=${record.primaryMetric.value}, model ${model.id}`);
      const gate = championDir?.error ? { ...result.gate, champion: null, championError: championDir.error } : result.gate;
      return { run, family: plan.family, model, record, gate };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await this.runs.fail(run.id, reason);
      this.logger.warn(`run ${run.id} failed: ${reason}`);
      return null;
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  }

  /**
   * Ends a trained run: through the gate first when `withGate`, then `succeeded`. An error on the way (say the
   * database went away mid-promotion) fails the run rather than leaving it running.
   */
  async conclude(trained: TrainedRun, withGate: boolean): Promise<void> {
    const { run, model, record } = trained;
    try {
      if (withGate) await this.gate(trained);
      await this.runs.succeed(run.id, { metrics: record.metrics, rowCount: record.rowCounts.total, location: model.location, modelId: model.id });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await this.runs.fail(run.id, `trained, but could not be concluded: ${reason}`);
      this.logger.error(`run ${run.id} could not be concluded: ${reason}`);
    }
  }

  /** The promotion gate: champion only if no worse than the current one on the same rows, artifacts intact. */
  async gate(trained: TrainedRun): Promise<GateDecision> {
    const decision = decidePromotion(trained.gate, trained.family.primaryMetric.direction, this.config.TRAINER_PROMOTION_TOLERANCE);
    if (!decision.promote) {
      await this.registry.keepCandidate(trained.model.id, decision.reason);
      this.logger.log(`model ${trained.model.id} stays candidate: ${decision.reason}`);
      return decision;
    }
    try {
      await this.promotion.promote(trained.model.id, 'gate', decision.reason);
      this.logger.log(`model ${trained.model.id} promoted: ${decision.reason}`);
      return decision;
    } catch (error) {
      if (!(error instanceof CorruptArtifactsError)) throw error;
      await this.registry.keepCandidate(trained.model.id, error.message);
      return { promote: false, reason: error.message };
    }
  }

  private async materialize(champion: ModelVersion): Promise<{ dir?: string; error?: string }> {
    try {
      return { dir: await this.store.materialize(champion.location) };
    } catch (error) {
      return { error: `artifacts of champion ${champion.id} unavailable: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  private progressReporter(run: TrainingRun): (event: RunEvent) => void {
    let lastWrite = 0;
    return (event) => {
      if (event.type === 'log') this.logger.log(`[${run.family}/${run.runKey}] ${event.line}`);
      if (event.type !== 'progress') return;
      const now = Date.now();
      const last = event.progress.epoch === event.progress.totalEpochs;
      if (!last && now - lastWrite < PROGRESS_WRITE_INTERVAL_MS) return;
      lastWrite = now;
      this.runs.reportProgress(run.id, event.progress).catch((error: unknown) => {
        this.logger.warn(`progress of run ${run.id} not recorded: ${error instanceof Error ? error.message : String(error)}`);
      });
    };
  }
}
