import type { JobRun } from '@jobcast/contracts';
import type { NormalizeResult } from '../normalization/normalize-result';
import { validatedRun } from '../normalization/validated-run';
import { CALCLOUD_BYTES_PER_GB, CALCLOUD_FEATURE_NAMES, type CalcloudFeatures } from './calcloud-features';
import { calcloudJobType, instrumentOfCode, instrumentOfDataset } from './calcloud-instruments';

/** Columns a calcloud export must have (the x_* and *_pred columns are ignored: derived, or empty). */
export const CALCLOUD_REQUIRED_COLUMNS = ['ipst', 'wallclock', 'memory', ...CALCLOUD_FEATURE_NAMES] as const;

/** The required columns a header lacks; empty when the file can be imported. */
export function missingCalcloudColumns(header: readonly string[]): string[] {
  return CALCLOUD_REQUIRED_COLUMNS.filter((column) => !header.includes(column));
}

/**
 * One row of a calcloud training export → `JobRun` (source `calcloud`, payloadId = the dataset id `ipst`,
 * jobType `job-hst_calibration:<instrument>`). The export has no timestamps, so `updatedAt` is when the export was
 * recorded (the caller knows it, e.g. from the file name). `memory` (GB) becomes `peakMemoryBytes`, `wallclock`
 * (s) `durationSeconds`; the nine encoded keywords become `features`. An empty target is null; a value that is not
 * a number is a reason.
 */
export function calcloudRowToJobRun(row: Readonly<Record<string, string | undefined>>, recordedAt: string): NormalizeResult {
  const datasetId = row['ipst']?.trim() ?? '';
  if (datasetId === '') return { ok: false, reason: 'ipst: missing dataset id' };

  const features: Partial<CalcloudFeatures> = {};
  for (const name of CALCLOUD_FEATURE_NAMES) {
    const value = numberCell(row, name);
    if (typeof value === 'string') return { ok: false, reason: value };
    if (value === null) return { ok: false, reason: `${name}: missing` };
    features[name] = value;
  }
  const instrument = instrumentOfCode(features.instr!) ?? instrumentOfDataset(datasetId);
  if (!instrument) return { ok: false, reason: `instr: unknown instrument code ${features.instr} for ${datasetId}` };

  const wallclock = numberCell(row, 'wallclock');
  if (typeof wallclock === 'string') return { ok: false, reason: wallclock };
  const memoryGb = numberCell(row, 'memory');
  if (typeof memoryGb === 'string') return { ok: false, reason: memoryGb };

  const run: JobRun = {
    payloadId: datasetId,
    source: 'calcloud',
    jobId: datasetId,
    jobType: calcloudJobType(instrument.name),
    queue: null,
    instanceType: null,
    status: 'job-completed',
    exitCode: null,
    queuedAt: null,
    startedAt: null,
    endedAt: null,
    updatedAt: recordedAt,
    queueWaitSeconds: null,
    durationSeconds: wallclock,
    commandDurationSeconds: null,
    inputCount: features.n_files!,
    inputBytes: features.total_mb! * 1024 * 1024,
    outputBytes: null,
    peakMemoryBytes: memoryGb === null ? null : Math.round(memoryGb * CALCLOUD_BYTES_PER_GB),
    cpuCount: null,
    tags: [],
    features: features as CalcloudFeatures,
  };
  return validatedRun(run);
}

/** A numeric cell: its number, null when empty, or a reason naming the column. */
function numberCell(row: Readonly<Record<string, string | undefined>>, column: string): number | null | string {
  const text = row[column]?.trim() ?? '';
  if (text === '') return null;
  const value = text.length <= 32 ? Number(text) : Number.NaN;
  return Number.isFinite(value) ? value : `${column}: not a number: ${JSON.stringify(text.slice(0, 40))}`;
}
