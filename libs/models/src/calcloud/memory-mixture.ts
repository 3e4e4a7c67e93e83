import { join } from 'node:path';
import { z } from 'zod';
import type { MemoryMixtureSettings } from './calcloud-config';
import { CalcloudEstimator, loadEstimator, trainEstimator } from './calcloud-estimator';
import { MEMORY_BIN_COUNT } from './calcloud-targets';

/**
 * Memory as E[GB | x] = Σ_b P(bin b | x) · E[GB | x, bin b], blended with the memory regressor. The classifier reads
 * the dataset id's program and visit and tells sub-GB jobs from their large twins among identical 9-input vectors,
 * which the regressor cannot; the soft mixture uses that knowledge without trusting the argmax (clamping the
 * regressor into the predicted bin made the error worse), and the blend keeps the regressor's view of large jobs the
 * classifier misses. A bin without training or validation rows has no estimator of its own: it uses the regressor's.
 */
export const MemoryMixtureManifest = z.object({
  regressorWeight: z.number().min(0).max(1),
  /** per bin: whether it has its own estimator (`mem_bins/bin<b>/`) or uses the regressor's value */
  binModels: z.array(z.boolean()).length(MEMORY_BIN_COUNT),
});
export type MemoryMixtureManifest = z.infer<typeof MemoryMixtureManifest>;

export class MemoryMixture {
  constructor(
    /** one per bin, undefined where the regressor stands in */
    readonly perBin: ReadonlyArray<CalcloudEstimator | undefined>,
    readonly regressorWeight: number,
  ) {
    if (perBin.length !== MEMORY_BIN_COUNT) throw new Error(`memory mixture: ${perBin.length} per-bin estimators, expected ${MEMORY_BIN_COUNT}`);
  }

  get manifest(): MemoryMixtureManifest {
    return { regressorWeight: this.regressorWeight, binModels: this.perBin.map((estimator) => estimator !== undefined) };
  }

  /**
   * Blended memory GB (≥ 0) per row from the classifier's probabilities (rows × bins), the regressor's values and the
   * input matrix the per-bin estimators read (row r at `x[r × stride]`).
   */
  predict(probabilities: Float32Array, regression: Float32Array, x: Float32Array, rows: number, stride: number): Float32Array {
    const perBin = this.perBin.map((estimator) => (estimator ? estimator.predict(x, rows, stride) : regression));
    const mixtureWeight = 1 - this.regressorWeight;
    const out = new Float32Array(rows);
    for (let r = 0; r < rows; r++) {
      let mixture = 0;
      for (let bin = 0; bin < MEMORY_BIN_COUNT; bin++) mixture += probabilities[r * MEMORY_BIN_COUNT + bin] * perBin[bin][r];
      out[r] = this.regressorWeight * Math.max(regression[r], 0) + mixtureWeight * Math.max(mixture, 0);
    }
    return out;
  }

  async save(dir: string): Promise<void> {
    for (const [bin, estimator] of this.perBin.entries()) await estimator?.save(join(dir, `bin${bin}`));
  }

  dispose(): void {
    for (const estimator of this.perBin) estimator?.dispose();
  }
}

/**
 * The memory GB a bundle serves (≥ 0): the blend when it has a mixture, else the regressor's value. Training fits the
 * memory-risk spread on the same figure.
 */
export function servedMemory(
  mixture: MemoryMixture | undefined,
  probabilities: Float32Array,
  regression: Float32Array,
  x: Float32Array,
  rows: number,
  stride: number,
): Float32Array {
  if (mixture !== undefined && rows > 0) return mixture.predict(probabilities, regression, x, rows, stride);
  return regression.map((gb) => Math.max(gb, 0));
}

export async function loadMemoryMixture(dir: string, manifest: MemoryMixtureManifest): Promise<MemoryMixture> {
  const perBin = await Promise.all(manifest.binModels.map((present, bin) => (present ? loadEstimator(join(dir, `bin${bin}`)) : undefined)));
  return new MemoryMixture(perBin, manifest.regressorWeight);
}

/** Jobs as the per-bin estimators see them: input rows (`inputs` columns each), memory GB and the memory bin. */
export interface MemoryMixtureData {
  x: Float32Array;
  inputs: number;
  memoryGb: ArrayLike<number>;
  memBin: ArrayLike<number>;
}

/** Trains each bin's estimator on that bin's training rows, early-stopped on its validation rows. */
export async function trainMemoryMixture(
  settings: MemoryMixtureSettings,
  train: MemoryMixtureData,
  validation: MemoryMixtureData,
  options: { seed: number; epochsScale: number },
): Promise<{ mixture: MemoryMixture; rounds: number[] }> {
  const perBin: Array<CalcloudEstimator | undefined> = [];
  const rounds: number[] = [];
  for (let bin = 0; bin < MEMORY_BIN_COUNT; bin++) {
    const [binTrain, binValidation] = [train, validation].map((data) => rowsOfBin(data, bin));
    if (binTrain.rows === 0 || binValidation.rows === 0) {
      perBin.push(undefined);
      rounds.push(0);
      continue;
    }
    const { estimator, history } = await trainEstimator(settings.perBin, { type: 'regressor' }, binTrain, binValidation, options);
    perBin.push(estimator);
    rounds.push(history.best_epoch + 1);
  }
  return { mixture: new MemoryMixture(perBin, settings.regressorWeight), rounds };
}

function rowsOfBin(data: MemoryMixtureData, bin: number): { x: Float32Array; y: Float32Array; rows: number } {
  const picked = Array.from({ length: data.memBin.length }, (_, row) => row).filter((row) => data.memBin[row] === bin);
  const x = new Float32Array(picked.length * data.inputs);
  picked.forEach((row, i) => x.set(data.x.subarray(row * data.inputs, (row + 1) * data.inputs), i * data.inputs));
  return { x, y: Float32Array.from(picked, (row) => data.memoryGb[row]), rows: picked.length };
}
