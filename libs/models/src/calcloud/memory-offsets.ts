import { z } from 'zod';
import { seededRandom } from '../random/seeded-random';
import type { EstimatorSettings } from './calcloud-config';
import { EstimatorData, trainEstimator } from './calcloud-estimator';
import { datasetIdGroupKeys } from './dataset-id-encoding';

/**
 * Per-program / per-visit memory offsets: the mean out-of-fold residual of the memory regressor over a group's training
 * jobs, a visit shrunk toward its program and a program toward 0 (pseudo-count `smoothing`), added to the served
 * memory. Jobs of one program share a memory level the 9 inputs cannot see; as target-encoded columns the regressor's
 * trees chased it (worse in cross-validation), while one additive, shrunk correction keeps it small where a group has
 * few jobs. Out of fold, so a job's own residual never sets its group's offset; an unknown or missing id gets 0.
 */
export const MemoryOffsetsSettings = z.object({
  /** folds of the out-of-fold regressor whose residuals set the offsets */
  folds: z.number().int().min(2),
  /** pseudo-jobs of residual 0 (program) or of the program's offset (visit) */
  smoothing: z.number().positive(),
});
export type MemoryOffsetsSettings = z.infer<typeof MemoryOffsetsSettings>;

/** Per group: [sum of residuals in GB, jobs]. */
const GroupSums = z.tuple([z.number(), z.number().nonnegative()]);
export const MemoryOffsets = z.object({
  smoothing: z.number().positive(),
  programs: z.record(z.string(), GroupSums),
  visits: z.record(z.string(), GroupSums),
});
export type MemoryOffsets = z.infer<typeof MemoryOffsets>;

export function fitMemoryOffsets(ids: ReadonlyArray<string | undefined>, residuals: ArrayLike<number>, smoothing: number): MemoryOffsets {
  const offsets: MemoryOffsets = { smoothing, programs: {}, visits: {} };
  ids.forEach((ipst, row) => {
    const keys = datasetIdGroupKeys(ipst);
    if (!keys) return;
    for (const [groups, key] of [[offsets.programs, keys.program], [offsets.visits, keys.visit]] as const) {
      const sums = Object.hasOwn(groups, key) ? groups[key] : (groups[key] = [0, 0]);
      sums[0] += residuals[row];
      sums[1] += 1;
    }
  });
  return offsets;
}

/**
 * Serves fitted offsets: every training visit's and program's offset is computed once, so a row costs one or two map
 * lookups (the predictor's hot path).
 */
export class MemoryOffsetter {
  private readonly byVisit = new Map<string, number>();
  private readonly byProgram = new Map<string, number>();

  constructor(readonly offsets: MemoryOffsets) {
    const shrunk = ([sum, jobs]: [number, number], parent: number) => (sum + offsets.smoothing * parent) / (jobs + offsets.smoothing);
    for (const [program, sums] of Object.entries(offsets.programs)) this.byProgram.set(program, shrunk(sums, 0));
    // a visit key starts with its program's
    for (const [visit, sums] of Object.entries(offsets.visits)) this.byVisit.set(visit, shrunk(sums, this.byProgram.get(visit.slice(0, 3)) ?? 0));
  }

  offsetOf(ipst: string | undefined): number {
    const keys = datasetIdGroupKeys(ipst);
    if (!keys) return 0;
    return this.byVisit.get(keys.visit) ?? this.byProgram.get(keys.program) ?? 0;
  }

  /** Adds each row's offset to its memory GB in place, keeping it ≥ 0. */
  apply(memoryGb: Float32Array, features: ReadonlyArray<{ ipst?: string }>): Float32Array {
    features.forEach((f, row) => (memoryGb[row] = Math.max(memoryGb[row] + this.offsetOf(f.ipst), 0)));
    return memoryGb;
  }
}

/** Memory GB − the regressor's value (≥ 0) for each training row, from regressors trained on the other folds. */
export async function outOfFoldMemoryResiduals(
  settings: EstimatorSettings,
  train: EstimatorData,
  validation: EstimatorData,
  folds: number,
  options: { seed: number; epochsScale: number },
): Promise<Float64Array> {
  const random = seededRandom(options.seed);
  const fold = Array.from({ length: train.rows }, () => Math.floor(random() * folds));
  const width = train.x.length / train.rows;
  const rowsOf = (picked: number[]): EstimatorData => {
    const x = new Float32Array(picked.length * width);
    picked.forEach((row, i) => x.set(train.x.subarray(row * width, (row + 1) * width), i * width));
    return { x, y: Float32Array.from(picked, (row) => train.y[row]), rows: picked.length };
  };
  const residuals = new Float64Array(train.rows);
  for (let k = 0; k < folds; k++) {
    const held = fold.flatMap((f, row) => (f === k ? [row] : []));
    if (held.length === 0) continue;
    const { estimator } = await trainEstimator(settings, { type: 'regressor' }, rowsOf(fold.flatMap((f, row) => (f === k ? [] : [row]))), validation, options);
    const heldRows = rowsOf(held);
    const predicted = estimator.predict(heldRows.x, heldRows.rows);
    held.forEach((row, i) => (residuals[row] = train.y[row] - Math.max(predicted[i], 0)));
    estimator.dispose();
  }
  return residuals;
}
