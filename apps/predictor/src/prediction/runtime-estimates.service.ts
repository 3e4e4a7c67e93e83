import { Injectable } from '@nestjs/common';
import type { RuntimeStatistics } from '@jobcast/contracts';
import { ServingModels } from '../models/serving-models.service';
import { ModelsUnavailableError } from './prediction.errors';
import { toStatistics } from './runtime-statistics';

const ANY = '*';

/** SOAMC's two estimates: runtime statistics of (job type, instance) and their cost; `*` = any. */
@Injectable()
export class RuntimeEstimatesService {
  constructor(private readonly models: ServingModels) {}

  runtime(jobType: string, instance: string): { statistics: RuntimeStatistics; version: string } {
    const runtime = this.requireRuntime();
    return { statistics: toStatistics(runtime.model.runtime.estimate(jobType, instance)), version: runtime.version };
  }

  /**
   * Runtime statistics priced at $/hour. For `*`, or an instance the price table lacks, the price is the mean over
   * the instances this job type ran on (flagged as a fallback for a named instance); null when none of them is priced.
   */
  runCost(jobType: string, instance: string): { statistics: RuntimeStatistics; hourlyUsd: number | null; priceFallback: boolean; version: string } {
    const runtime = this.requireRuntime();
    const { prices } = runtime.model;
    const statistics = toStatistics(runtime.model.runtime.estimate(jobType, instance));
    const exact = instance === ANY ? null : prices.hourlyUsd(instance);
    if (exact !== null) return { statistics, hourlyUsd: exact, priceFallback: false, version: runtime.version };
    const priced = runtime.model.runtime
      .instancesFor(jobType)
      .map((name) => prices.hourlyUsd(name))
      .filter((price): price is number => price !== null);
    const hourlyUsd = priced.length > 0 ? priced.reduce((sum, price) => sum + price, 0) / priced.length : null;
    return { statistics, hourlyUsd, priceFallback: instance !== ANY, version: runtime.version };
  }

  private requireRuntime() {
    const runtime = this.models.snapshot().runtime;
    if (runtime === null) throw new ModelsUnavailableError('the runtime model is not loaded yet');
    return runtime;
  }
}
