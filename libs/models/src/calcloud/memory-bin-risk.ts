import { z } from 'zod';
import { MEMORY_BIN_COUNT, MEMORY_BIN_UPPER_GB } from './calcloud-targets';

/**
 * A second opinion on the memory bin from the memory regressor: the held-out residuals (actual − predicted GB) turn
 * a point prediction into bin probabilities. The cost-aware choice averages it with the classifier, so one confident
 * but wrong model cannot send a large job to the smallest bin alone.
 */
export const MemoryResiduals = z.object({
  /** ascending */
  residualsGb: z.array(z.number()).min(1),
});
export type MemoryResiduals = z.infer<typeof MemoryResiduals>;

const KEPT_RESIDUALS = 501;

export function fitMemoryResiduals(predictedGb: ArrayLike<number>, actualGb: ArrayLike<number>): MemoryResiduals {
  const residuals = Array.from({ length: predictedGb.length }, (_, i) => actualGb[i] - predictedGb[i]).sort((a, b) => a - b);
  const step = Math.max(1, residuals.length / KEPT_RESIDUALS);
  const kept: number[] = [];
  for (let position = 0; position < residuals.length; position += step) kept.push(residuals[Math.floor(position)]);
  kept.push(residuals[residuals.length - 1]);
  return { residualsGb: kept };
}

/** Share of residuals putting the job in each bin; `residualsGb` is sorted, so each bin edge is one binary search. */
export function binProbabilitiesFromRegression(model: MemoryResiduals, predictedGb: number, out = new Float64Array(MEMORY_BIN_COUNT)): Float64Array {
  const residuals = model.residualsGb;
  let below = 0;
  for (let bin = 0; bin < MEMORY_BIN_UPPER_GB.length; bin++) {
    const count = countBelow(residuals, MEMORY_BIN_UPPER_GB[bin] - predictedGb);
    out[bin] = (count - below) / residuals.length;
    below = count;
  }
  out[MEMORY_BIN_UPPER_GB.length] = (residuals.length - below) / residuals.length;
  return out;
}

function countBelow(sorted: number[], limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
