import type { CostPrediction, InstanceCost } from '@jobcast/contracts';
import type { PriceTable } from '../models/model-ports';

/** Most candidates a cost comparison lists; job types seen on many instance types are cut to the first ones. */
const MAX_CANDIDATES = 16;

/**
 * Expected cost per candidate instance = expected seconds on it × on-demand $/hour / 3600.
 * The expected figure is for the job's own instance when priced, else the preferred one, else the cheapest.
 */
export function costOf(
  candidates: Iterable<string>,
  secondsOn: (instance: string) => number,
  prices: PriceTable,
  own: string | null,
  preferred: string | null,
): CostPrediction {
  const perInstance: InstanceCost[] = [];
  for (const instance of candidates) {
    if (perInstance.length === MAX_CANDIDATES) break;
    if (perInstance.some((cost) => cost.instance === instance)) continue;
    const hourlyUsd = prices.hourlyUsd(instance);
    if (hourlyUsd === null) continue;
    perInstance.push({ instance, usd: (secondsOn(instance) * hourlyUsd) / 3600, hourlyUsd });
  }
  const chosen =
    perInstance.find((cost) => cost.instance === own) ??
    perInstance.find((cost) => cost.instance === preferred) ??
    perInstance.reduce<InstanceCost | null>((cheapest, cost) => (cheapest === null || cost.usd < cheapest.usd ? cost : cheapest), null);
  return { expectedUsd: chosen?.usd ?? null, instance: chosen?.instance ?? null, perInstance, units: 'USD' };
}
