import { Inject, Injectable } from '@nestjs/common';
import type { QueueTimeEstimate } from '@jobcast/contracts';
import { ServingModels } from '../models/serving-models.service';
import { ModelsUnavailableError } from '../prediction/prediction.errors';
import { QueuedJobs } from './queued-jobs';

export const QUEUED_JOBS = Symbol('QueuedJobs');
const SECONDS_PER_DAY = 86_400;

/** SOAMC `/queuetime`: how long the `size` oldest queued jobs take to drain on `nodes` workers, in days. */
@Injectable()
export class QueueTimeService {
  constructor(
    private readonly models: ServingModels,
    @Inject(QUEUED_JOBS) private readonly queued: QueuedJobs,
  ) {}

  estimate(size: number, nodes: number): QueueTimeEstimate & { considered: number; version: string } {
    const runtime = this.models.snapshot().runtime;
    if (runtime === null) throw new ModelsUnavailableError('the runtime model is not loaded yet');
    const jobTypes = this.queued.oldestJobTypes(size);
    const { minSeconds, maxSeconds } = jobTypes.length === 0 ? { minSeconds: 0, maxSeconds: 0 } : runtime.model.queue.estimate(jobTypes, Math.max(1, nodes));
    return {
      name: 'Queue Time Estimate',
      njobs: this.queued.size,
      min: minSeconds / SECONDS_PER_DAY,
      max: maxSeconds / SECONDS_PER_DAY,
      units: 'day',
      considered: jobTypes.length,
      version: runtime.version,
    };
  }
}
