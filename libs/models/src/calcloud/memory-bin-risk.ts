import { z } from 'zod';
import { MEMORY_BIN_COUNT, memoryBinOf } from './calcloud-targets';

/**
 * A second opinion on the memory bin from the memory regressor: the held-out residuals (actual − predicted GB) turn
 * a point prediction into bin probabilities. The cost-aware choice averages it with the classifier, so one confident
 * but wrong model cannot send a large job to the smallest bin alone.
 */
export const MemoryResiduals = z.object({ residualsGb: z.array(z.number()).min(1) });
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

export function binProbabilitiesFromRegression(model: MemoryResiduals, predictedGb: number): number[] {
  const probabilities = new Array<number>(MEMORY_BIN_COUNT).fill(0);
  for (const residual of model.residualsGb) probabilities[memoryBinOf(predictedGb + residual)] += 1 / model.residualsGb.length;
  return probabilities;
}
