import type { PowerTransformParams } from '../transforms/power-transformer';
import { applyPowerTransform } from '../transforms/power-transformer';
import { CALCLOUD_FEATURE_NAMES, CalcloudFeatures } from './calcloud-features';
import { DATASET_ID_COLUMNS, DatasetIdEncoder } from './dataset-id-encoding';

export const CALCLOUD_INPUTS = CALCLOUD_FEATURE_NAMES.length;

/** The model's input columns: calcloud's 9, then the dataset-id encoding's when the model uses it. */
export function calcloudInputNames(withDatasetIds: boolean): string[] {
  return [...CALCLOUD_FEATURE_NAMES, ...(withDatasetIds ? DATASET_ID_COLUMNS : [])];
}

/**
 * Model input matrix, row-major: calcloud's 9 inputs in its order with `n_files` / `total_mb` power-transformed, then
 * either the dataset-id encoding of each row's `ipst` or given precomputed id columns (the out-of-fold training ones).
 */
export function calcloudInputMatrix(
  tx: PowerTransformParams,
  features: ReadonlyArray<CalcloudFeatures>,
  datasetIds?: DatasetIdEncoder | Float32Array,
): Float32Array {
  const idWidth = datasetIds ? DATASET_ID_COLUMNS.length : 0;
  const width = CALCLOUD_INPUTS + idWidth;
  const x = new Float32Array(features.length * width);
  features.forEach((f, row) => {
    const offset = row * width;
    x[offset] = applyPowerTransform(tx, 0, f.n_files);
    x[offset + 1] = applyPowerTransform(tx, 1, f.total_mb);
    x[offset + 2] = f.drizcorr;
    x[offset + 3] = f.pctecorr;
    x[offset + 4] = f.crsplit;
    x[offset + 5] = f.subarray;
    x[offset + 6] = f.detector;
    x[offset + 7] = f.dtype;
    x[offset + 8] = f.instr;
    if (datasetIds instanceof Float32Array) x.set(datasetIds.subarray(row * idWidth, (row + 1) * idWidth), offset + CALCLOUD_INPUTS);
    else if (datasetIds) datasetIds.encode(f.ipst, x, offset + CALCLOUD_INPUTS);
  });
  return x;
}
