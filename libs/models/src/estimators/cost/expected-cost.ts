import type { InstanceCost } from '@jobcast/contracts';
import type { Market, PriceTable } from '../../pricing';
import type { RuntimeModel } from '../runtime';
import { estimateCost } from './job-cost';

export interface ExpectedCostRequest {
  jobType: string;
  candidates: readonly string[];
  market?: Market;
  features?: Parameters<RuntimeModel['estimate']>[0]['features'];
  stagedOutputBytes?: number;
  stagedOutputObjects?: number;
  storageMonths?: number;
}

export interface ExpectedCostAnswer {
  perInstance: InstanceCost[];
  /** candidates the table has no price for, or the model no runtime for */
  unpriced: string[];
}

/**
 * Expected cost of a job on each candidate instance: its expected runtime there (the mean of the runtime
 * model's answer for that instance) priced by the table, cheapest first.
 */
export function expectedCostPerInstance(
  request: ExpectedCostRequest,
  model: RuntimeModel,
  table: PriceTable,
): ExpectedCostAnswer {
  const perInstance: InstanceCost[] = [];
  const unpriced: string[] = [];
  for (const instanceType of request.candidates) {
    const runtime = model.estimate({ jobType: request.jobType, instanceType, features: request.features });
    const cost =
      runtime === null
        ? null
        : estimateCost(
            {
              durationSeconds: runtime.mean,
              instanceType,
              market: request.market,
              stagedOutputBytes: request.stagedOutputBytes,
              stagedOutputObjects: request.stagedOutputObjects,
              storageMonths: request.storageMonths,
            },
            table,
          );
    if (cost === null) unpriced.push(instanceType);
    else perInstance.push({ instance: instanceType, usd: cost.totalUsd, hourlyUsd: cost.hourlyUsd });
  }
  perInstance.sort((a, b) => a.usd - b.usd);
  return { perInstance, unpriced };
}
