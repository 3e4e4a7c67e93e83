import type { PowerTransformParams } from '../transforms/power-transformer';
import { applyPowerTransform } from '../transforms/power-transformer';
import { CALCLOUD_FEATURE_NAMES, CalcloudFeatures } from './calcloud-features';

export const CALCLOUD_INPUTS = CALCLOUD_FEATURE_NAMES.length;

/** Model input matrix (rows × 9, calcloud's order) with `n_files` / `total_mb` power-transformed. */
export function calcloudInputMatrix(tx: PowerTransformParams, features: ReadonlyArray<CalcloudFeatures>): Float32Array {
  const x = new Float32Array(features.length * CALCLOUD_INPUTS);
  features.forEach((f, row) => {
    const offset = row * CALCLOUD_INPUTS;
    x[offset] = applyPowerTransform(tx, 0, f.n_files);
    x[offset + 1] = applyPowerTransform(tx, 1, f.total_mb);
    x[offset + 2] = f.drizcorr;
    x[offset + 3] = f.pctecorr;
    x[offset + 4] = f.crsplit;
    x[offset + 5] = f.subarray;
    x[offset + 6] = f.detector;
    x[offset + 7] = f.dtype;
    x[offset + 8] = f.instr;
  });
  return x;
}
