import { z } from 'zod';
import type { JobRun } from '@jobcast/contracts';

/** The 9 model inputs in calcloud's order; the first two are power-transformed from `n_files` / `total_mb`. */
export const CALCLOUD_FEATURE_NAMES = [
  'x_files',
  'x_size',
  'drizcorr',
  'pctecorr',
  'crsplit',
  'subarray',
  'detector',
  'dtype',
  'instr',
] as const;

const flag = z.union([z.literal(0), z.literal(1)]);

/** One job's encoded calcloud inputs before the power transform (the CSV's raw columns). */
export const CalcloudFeatures = z.object({
  n_files: z.number().finite().nonnegative(),
  total_mb: z.number().finite().nonnegative(),
  drizcorr: flag,
  pctecorr: flag,
  crsplit: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  subarray: flag,
  detector: flag,
  dtype: flag,
  instr: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  /** the dataset id (ipppssoot, lower case) when known: its program and visit sharpen the boosted trees' answers */
  ipst: z.string().min(1).max(64).optional(),
});
export type CalcloudFeatures = z.infer<typeof CalcloudFeatures>;

/** Raw HST keywords as calcloud's scraper reads them; a missing keyword encodes as 0 (reference §4). */
export interface CalcloudKeywords {
  datasetId: string;
  nFiles: number | string;
  totalMb: number | string;
  DETECTOR?: string | null;
  SUBARRAY?: string | boolean | null;
  DRIZCORR?: string | null;
  PCTECORR?: string | null;
  CRSPLIT?: string | number | null;
}

/** calcloud's MB and GB as libs/features stores them in a JobRun (binary units) */
export const CALCLOUD_BYTES_PER_MB = 1024 ** 2;
export const CALCLOUD_BYTES_PER_GB = 1024 ** 3;
const BYTES_PER_MB = CALCLOUD_BYTES_PER_MB;

const INSTRUMENT_BY_LETTER: Record<string, 0 | 1 | 2 | 3> = { j: 0, l: 1, o: 2, i: 3 };

/** A row that cannot be encoded; the message names every bad field. */
export class CalcloudInputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'CalcloudInputError';
  }
}

/** Encodes raw keywords with calcloud's exact rules (reference §4). */
export function encodeCalcloudKeywords(keywords: CalcloudKeywords): CalcloudFeatures {
  const id = keywords.datasetId.trim().toLowerCase();
  const instr = INSTRUMENT_BY_LETTER[id.charAt(0)];
  const problems: string[] = [];
  if (instr === undefined) problems.push(`dataset id "${keywords.datasetId}" does not start with j, l, o or i (ACS, COS, STIS, WFC3)`);
  const nFiles = parseCount('n_files', keywords.nFiles, problems);
  const totalMb = parseCount('total_mb', keywords.totalMb, problems);
  if (problems.length > 0) throw new CalcloudInputError(problems);
  const detector = String(keywords.DETECTOR ?? '').trim().toUpperCase();
  const crsplit = Number(keywords.CRSPLIT);
  return {
    n_files: Math.round(nFiles),
    total_mb: Math.round(totalMb),
    drizcorr: String(keywords.DRIZCORR ?? '').trim().toUpperCase() === 'PERFORM' ? 1 : 0,
    pctecorr: String(keywords.PCTECORR ?? '').trim().toUpperCase() === 'PERFORM' ? 1 : 0,
    crsplit: keywords.CRSPLIT === null || keywords.CRSPLIT === undefined || keywords.CRSPLIT === '' || Number.isNaN(crsplit) ? 0 : crsplit === 1 ? 1 : 2,
    subarray: keywords.SUBARRAY === true || String(keywords.SUBARRAY ?? '').trim().toUpperCase() === 'TRUE' ? 1 : 0,
    detector: detector === 'UVIS' || detector === 'WFC' ? 1 : 0,
    dtype: id.endsWith('0') ? 1 : 0,
    instr: instr as 0 | 1 | 2 | 3,
    ipst: id,
  };
}

/** Validates already-encoded values (CSV columns or a JobRun's encoded features map). */
export function parseCalcloudFeatures(values: Record<string, unknown>): CalcloudFeatures {
  const numeric: Record<string, unknown> = { ipst: datasetIdOf(values) };
  for (const key of Object.keys(CalcloudFeatures.shape)) {
    if (key === 'ipst') continue;
    const raw = values[key];
    numeric[key] = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  }
  const parsed = CalcloudFeatures.safeParse(numeric);
  if (!parsed.success) {
    throw new CalcloudInputError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(values[String(issue.path[0])])})`),
    );
  }
  return parsed.data;
}

/**
 * Encodes a CSV record. Rows holding calcloud's encoded columns (`n_files, total_mb, drizcorr, ...`) are validated as
 * they are; rows holding raw keywords (`DETECTOR, SUBARRAY, ...` plus `ipst` or `dataset`) are encoded first.
 */
export function encodeCalcloudRecord(record: Record<string, string | number | boolean | null | undefined>): CalcloudFeatures {
  if (hasRawKeywords(record)) {
    return encodeCalcloudKeywords({
      datasetId: String(record['ipst'] ?? record['dataset'] ?? record['datasetId'] ?? ''),
      nFiles: record['n_files'] as number | string,
      totalMb: record['total_mb'] as number | string,
      DETECTOR: record['DETECTOR'] as string | null,
      SUBARRAY: record['SUBARRAY'] as string | boolean | null,
      DRIZCORR: record['DRIZCORR'] as string | null,
      PCTECORR: record['PCTECORR'] as string | null,
      CRSPLIT: record['CRSPLIT'] as string | number | null,
    });
  }
  return parseCalcloudFeatures(record);
}

/**
 * Encodes a calcloud `JobRun`. Its `features` map carries either the encoded values (`n_files, total_mb, drizcorr,
 * pctecorr, crsplit, subarray, detector, dtype, instr`) or the raw keywords (`DETECTOR, SUBARRAY, DRIZCORR, PCTECORR,
 * CRSPLIT`), in which case the dataset id is the payload id and `n_files`/`total_mb` fall back to `inputCount` and
 * `inputBytes / 1024²` (libs/features stores `total_mb × 1024²` bytes).
 */
export function encodeCalcloudJobRun(run: JobRun): CalcloudFeatures {
  const features = run.features;
  const withSizes = {
    ...features,
    n_files: features['n_files'] ?? run.inputCount ?? undefined,
    total_mb: features['total_mb'] ?? (run.inputBytes === null ? undefined : run.inputBytes / BYTES_PER_MB),
  };
  if (hasRawKeywords(features)) {
    // HySDS calibration jobs name the dataset `ipppssoot` (or `dataset`) in their params; calcloud's CSV says `ipst`
    const datasetId = features['ipst'] ?? features['ipppssoot'] ?? features['dataset'] ?? run.payloadId;
    return encodeCalcloudRecord({ ...withSizes, ipst: String(datasetId) });
  }
  // the calcloud importer stores encoded columns and makes the dataset id the payload id
  return parseCalcloudFeatures({ ipst: run.payloadId, ...withSizes });
}

/** The dataset id under any of its names; blank means unknown. */
function datasetIdOf(values: Record<string, unknown>): unknown {
  const id = values['ipst'] ?? values['ipppssoot'] ?? values['dataset'] ?? values['datasetId'];
  if (typeof id !== 'string') return id ?? undefined;
  return id.trim() === '' ? undefined : id.trim().toLowerCase();
}

function hasRawKeywords(record: Record<string, unknown>): boolean {
  return ['DETECTOR', 'SUBARRAY', 'DRIZCORR', 'PCTECORR', 'CRSPLIT'].some((key) => key in record);
}

function parseCount(name: string, value: number | string, problems: string[]): number {
  const parsed = typeof value === 'number' ? value : Number(String(value ?? '').trim() || NaN);
  if (!Number.isFinite(parsed) || parsed < 0) {
    problems.push(`${name} must be a non-negative number (got ${JSON.stringify(value)})`);
    return 0;
  }
  return parsed;
}
