import { instrumentOfDataset } from './calcloud-instruments';

/** calcloud's nine model inputs, in the order its networks take them (docs/reference.md §4). */
export const CALCLOUD_FEATURE_NAMES = [
  'n_files',
  'total_mb',
  'drizcorr',
  'pctecorr',
  'crsplit',
  'subarray',
  'detector',
  'dtype',
  'instr',
] as const;
export type CalcloudFeatureName = (typeof CALCLOUD_FEATURE_NAMES)[number];
export type CalcloudFeatures = Record<CalcloudFeatureName, number>;

/** calcloud reports memory in GB of 2^30 bytes (the same unit the synthetic history and the memory bins use). */
export const CALCLOUD_BYTES_PER_GB = 1024 ** 3;

const LARGE_DETECTORS = new Set(['UVIS', 'WFC']);
const DATASET_ID_KEYS = ['ipppssoot', 'ipst', 'dataset'] as const;

/**
 * Encodes raw calcloud keywords (as a HySDS calibration job carries them in its params: `DETECTOR`, `SUBARRAY`,
 * `DRIZCORR`, `PCTECORR`, `CRSPLIT`, `n_files`, `total_mb` and the dataset id) with calcloud's own rules.
 * A missing keyword encodes as 0; without a dataset id, input counts or a known instrument there is nothing to
 * encode and the result is undefined.
 */
export function encodeCalcloudKeywords(keywords: Readonly<Record<string, unknown>>): CalcloudFeatures | undefined {
  const datasetId = DATASET_ID_KEYS.map((key) => keywords[key]).find((value) => typeof value === 'string');
  const files = finiteNumber(keywords['n_files']);
  const megabytes = finiteNumber(keywords['total_mb']);
  if (typeof datasetId !== 'string' || files === undefined || megabytes === undefined) return undefined;
  const instrument = instrumentOfDataset(datasetId);
  if (!instrument) return undefined;
  const crsplit = finiteNumber(keywords['CRSPLIT']);
  return {
    n_files: Math.round(files),
    total_mb: Math.round(megabytes),
    drizcorr: isPerform(keywords['DRIZCORR']),
    pctecorr: isPerform(keywords['PCTECORR']),
    crsplit: crsplit === undefined ? 0 : crsplit === 1 ? 1 : 2,
    subarray: isTrue(keywords['SUBARRAY']),
    detector: typeof keywords['DETECTOR'] === 'string' && LARGE_DETECTORS.has(keywords['DETECTOR'].toUpperCase()) ? 1 : 0,
    dtype: datasetId.endsWith('0') ? 1 : 0,
    instr: instrument.code,
  };
}

function finiteNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

function isPerform(value: unknown): number {
  return typeof value === 'string' && value.toUpperCase() === 'PERFORM' ? 1 : 0;
}

function isTrue(value: unknown): number {
  return value === true || (typeof value === 'string' && ['TRUE', 'T'].includes(value.toUpperCase())) ? 1 : 0;
}
