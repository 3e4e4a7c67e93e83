import { hostname } from 'node:os';
import { Inject, Injectable } from '@nestjs/common';
import { type TrainingRun, TrainingRunRepository, type TrainingTrigger } from '@jobcast/db';
import { EarlyStoppingConfig, findModelFamily, type ParamSet } from '@jobcast/models';
import { TRAINER_CONFIG, type TrainerConfig } from '../config';
import { RunPipeline } from './run-pipeline.service';
import { timestampRunName } from './run-names';
import { windowOfDays } from './training-data.loader';
import type { TrainingRequest } from './training-request';
import { NotFoundError } from './training-errors';
import { TrainingSlot } from './training-slot';

/** The identity a run records as its owner. */
export const TRAINER_OWNER = `${hostname()}:${process.pid}`;

/**
 * Training on demand and on schedule: claims the training slot, records one run per family (the first running, the
 * rest queued), answers at once, and trains them one after another in the background, each through the gate.
 */
@Injectable()
export class TrainingService {
  constructor(
    @Inject(TRAINER_CONFIG) private readonly config: TrainerConfig,
    private readonly slot: TrainingSlot,
    private readonly pipeline: RunPipeline,
    private readonly runs: TrainingRunRepository,
  ) {}

  /** Throws TrainingBusyError (with the running run's id) while another run holds the slot. */
  async trigger(request: TrainingRequest, trigger: TrainingTrigger): Promise<TrainingRun[]> {
    const families = (request.family ? [request.family] : this.config.TRAINER_FAMILIES).map(findModelFamily);
    const window = windowOfDays(request.windowDays ?? this.config.TRAINER_WINDOW_DAYS);
    const earlyStopping = defaultEarlyStopping(this.config);
    const name = timestampRunName();
    return this.slot.claim(
      () =>
        Promise.all(
          families.map((family, index) =>
            this.runs.create({
              id: crypto.randomUUID(),
              status: index === 0 ? 'running' : 'queued',
              family: family.name,
              name,
              runKey: name,
              trigger,
              sweepId: null,
              params: { ...family.defaultParams, ...(request.params as ParamSet | undefined) },
              owner: TRAINER_OWNER,
              dataFrom: window.from,
              dataTo: window.to,
            }),
          ),
        ),
      async (created) => {
        for (const [index, run] of created.entries()) {
          const family = families[index];
          const trained = await this.pipeline.train(
            run,
            { family, params: run.params as ParamSet, window, earlyStopping },
            this.slot.shutdownSignal,
          );
          if (trained) await this.pipeline.conclude(trained, true);
        }
      },
    );
  }

  async get(id: string): Promise<TrainingRun> {
    const run = await this.runs.findById(id);
    if (!run) throw new NotFoundError(`training run ${id} does not exist`);
    return run;
  }

  list(limit: number): Promise<TrainingRun[]> {
    return this.runs.listRecent(limit);
  }
}

export function defaultEarlyStopping(config: TrainerConfig): EarlyStoppingConfig | null {
  return config.TRAINER_EARLY_STOP_PATIENCE === 0
    ? null
    : EarlyStoppingConfig.parse({ rule: 'val-loss', patience: config.TRAINER_EARLY_STOP_PATIENCE });
}
