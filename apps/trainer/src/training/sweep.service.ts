import { Inject, Injectable } from '@nestjs/common';
import { SweepRepository, type TrainingRun, TrainingRunRepository, type TrainingSweep } from '@jobcast/db';
import { findModelFamily, pickBest, planSweep, type ParamSet } from '@jobcast/models';
import { TRAINER_CONFIG, type TrainerConfig } from '../config';
import { RunPipeline, type TrainedRun } from './run-pipeline.service';
import { timestampRunName } from './run-names';
import { windowOfDays } from './training-data.loader';
import { NotFoundError } from './training-errors';
import type { SweepRequest } from './training-request';
import { defaultEarlyStopping, TRAINER_OWNER } from './training.service';
import { TrainingSlot } from './training-slot';

export interface SweepView {
  sweep: TrainingSweep;
  runs: TrainingRun[];
}

/**
 * Sweeps: one run per parameter set (grid or random), autonamed by the rule, stored as `<family>/<sweep>/<run name>`.
 * Every run is scored on its whole test set; the best in the metric's direction then goes through the promotion gate.
 */
@Injectable()
export class SweepService {
  constructor(
    @Inject(TRAINER_CONFIG) private readonly config: TrainerConfig,
    private readonly slot: TrainingSlot,
    private readonly pipeline: RunPipeline,
    private readonly runs: TrainingRunRepository,
    private readonly sweeps: SweepRepository,
  ) {}

  /** Throws TrainingBusyError while another run holds the slot. */
  async start(request: SweepRequest): Promise<SweepView> {
    const family = findModelFamily(request.family);
    const planned = planSweep(request);
    const window = windowOfDays(request.windowDays ?? this.config.TRAINER_WINDOW_DAYS);
    const earlyStopping = request.earlyStopping ?? defaultEarlyStopping(this.config);
    const sweepName = request.name ?? `sweep-${timestampRunName()}`;
    return this.slot.claim(
      async () => {
        const sweep = await this.sweeps.start({
          id: crypto.randomUUID(),
          family: family.name,
          name: sweepName,
          spec: request,
          metric: family.primaryMetric.name,
          direction: family.primaryMetric.direction,
        });
        const runs: TrainingRun[] = [];
        for (const [index, plan] of planned.entries()) {
          runs.push(
            await this.runs.create({
              id: crypto.randomUUID(),
              status: index === 0 ? 'running' : 'queued',
              family: family.name,
              name: plan.name,
              runKey: `${sweepName}/${plan.name}`,
              trigger: 'sweep',
              sweepId: sweep.id,
              params: { ...family.defaultParams, ...plan.params },
              owner: TRAINER_OWNER,
              dataFrom: window.from,
              dataTo: window.to,
            }),
          );
        }
        return { sweep, runs };
      },
      async ({ sweep, runs }) => {
        const trained: TrainedRun[] = [];
        for (const run of runs) {
          const result = await this.pipeline.train(
            run,
            { family, params: run.params as ParamSet, window, earlyStopping },
            this.slot.shutdownSignal,
          );
          if (!result) continue;
          await this.pipeline.conclude(result, false);
          trained.push(result);
        }
        const best = pickBest(
          trained.map((result) => ({ name: result.run.name, value: result.record.primaryMetric.value, result })),
          family.primaryMetric,
        );
        // the sweep is finished only once its best run went through the gate
        let error = best ? null : 'no run of the sweep produced the metric';
        if (best) {
          await this.pipeline.gate(best.result).catch((failure: unknown) => {
            error = `the best run could not go through the gate: ${failure instanceof Error ? failure.message : String(failure)}`;
          });
        }
        await this.sweeps.finish(sweep.id, { bestRunId: best?.result.run.id ?? null, error });
      },
    );
  }

  async get(id: string): Promise<SweepView> {
    const sweep = await this.sweeps.findById(id);
    if (!sweep) throw new NotFoundError(`sweep ${id} does not exist`);
    return { sweep, runs: await this.runs.listBySweep(id) };
  }
}
