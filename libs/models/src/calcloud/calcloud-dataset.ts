import { readFileSync } from 'node:fs';
import type { JobRun } from '@jobcast/contracts';
import { CALCLOUD_BYTES_PER_GB, CalcloudFeatures, CalcloudInputError, encodeCalcloudJobRun, encodeCalcloudRecord } from './calcloud-features';
import { memoryBinOf } from './calcloud-targets';
import { parseCsv, toRecord } from './csv-table';

/** One finished calcloud job: its inputs and the measured targets. */
export interface CalcloudRow {
  id: string;
  features: CalcloudFeatures;
  memoryGb: number;
  wallclockSeconds: number;
  memBin: number;
}

export interface CalcloudDataset {
  rows: CalcloudRow[];
  /** rows that could not be used, with the reason (never dropped silently) */
  rejected: Array<{ line: number; error: string }>;
}

/** Reads a calcloud training CSV (the shape of shared/data/calcloud: raw columns plus `memory`, `wallclock`, `ipst`). */
export function readCalcloudCsv(path: string): CalcloudDataset {
  return parseCalcloudCsv(readFileSync(path, 'utf8'));
}

export function parseCalcloudCsv(text: string): CalcloudDataset {
  const { header, rows } = parseCsv(text);
  for (const required of ['memory', 'wallclock']) {
    if (!header.includes(required)) throw new Error(`calcloud training CSV lacks the "${required}" column`);
  }
  const dataset: CalcloudDataset = { rows: [], rejected: [] };
  rows.forEach((cells, index) => {
    const line = index + 2;
    const record = toRecord(header, cells);
    try {
      const features = encodeCalcloudRecord(record);
      const memoryGb = Number(record['memory']);
      const wallclockSeconds = Number(record['wallclock']);
      const problems: string[] = [];
      if (record['memory'].trim() === '' || !Number.isFinite(memoryGb) || memoryGb < 0) problems.push(`memory must be a non-negative number (got "${record['memory']}")`);
      if (record['wallclock'].trim() === '' || !Number.isFinite(wallclockSeconds) || wallclockSeconds < 0) problems.push(`wallclock must be a non-negative number (got "${record['wallclock']}")`);
      if (problems.length > 0) throw new CalcloudInputError(problems);
      dataset.rows.push({ id: record['ipst'] || `line-${line}`, features, memoryGb, wallclockSeconds, memBin: memoryBinOf(memoryGb) });
    } catch (error) {
      if (!(error instanceof CalcloudInputError)) throw error;
      dataset.rejected.push({ line, error: error.message });
    }
  });
  return dataset;
}

/** A finished calcloud `JobRun` as a training row; memory from `peakMemoryBytes` (GiB), wallclock from `durationSeconds`. */
export function calcloudRowFromJobRun(run: JobRun): CalcloudRow {
  const problems: string[] = [];
  if (run.peakMemoryBytes === null) problems.push(`${run.payloadId}: peakMemoryBytes is missing (the memory target)`);
  if (run.durationSeconds === null) problems.push(`${run.payloadId}: durationSeconds is missing (the wallclock target)`);
  if (problems.length > 0) throw new CalcloudInputError(problems);
  const memoryGb = (run.peakMemoryBytes as number) / CALCLOUD_BYTES_PER_GB;
  return { id: run.payloadId, features: encodeCalcloudJobRun(run), memoryGb, wallclockSeconds: run.durationSeconds as number, memBin: memoryBinOf(memoryGb) };
}
