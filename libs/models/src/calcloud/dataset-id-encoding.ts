import { z } from 'zod';
import { seededRandom } from '../random/seeded-random';
import { MEMORY_BIN_COUNT } from './calcloud-targets';

/**
 * Target encoding of the dataset id (ipppssoot: instrument, 3-character program, 2-character visit, …): jobs of one
 * program or visit use similar memory, which the 9 calcloud inputs cannot tell apart. Each level's columns are the
 * smoothed mean log memory, log wallclock and bin shares of its training jobs plus log(1 + count); a visit shrinks toward
 * its program, a program toward all jobs. An unknown or missing id gets count 0 and the prior, so the trees learn that
 * fallback from the training rows' own unseen programs and from the masked share.
 */

export const DatasetIdEncodingSettings = z.object({
  /** pseudo-count pulling a group's means toward its parent's */
  smoothing: z.number().positive(),
  /** training rows are encoded out of fold, with folds from the seed */
  folds: z.number().int().min(2),
  /** share of training rows encoded as if their id were unknown, so the trees also learn to answer without it */
  maskShare: z.number().min(0).lt(1),
  /** the models that take these columns (the others keep calcloud's 9 inputs) */
  models: z.array(z.enum(['memClf', 'memReg', 'wallReg'])).min(1),
});
export type DatasetIdEncodingSettings = z.infer<typeof DatasetIdEncodingSettings>;
export type DatasetIdModel = DatasetIdEncodingSettings['models'][number];

/** Per-group sums: count, ln(1 + memory GB), ln(1 + wallclock s), then the count of each memory bin (logs: a few huge jobs must not swamp a program's mean). */
const STAT_WIDTH = 3 + MEMORY_BIN_COUNT;
const GroupStats = z.array(z.number()).length(STAT_WIDTH);

export const DatasetIdEncoding = z.object({
  smoothing: z.number().positive(),
  all: GroupStats,
  programs: z.record(z.string(), GroupStats),
  visits: z.record(z.string(), GroupStats),
});
export type DatasetIdEncoding = z.infer<typeof DatasetIdEncoding>;

const LEVEL_COLUMNS = ['log_count', 'log_memory', 'log_wallclock', ...Array.from({ length: MEMORY_BIN_COUNT }, (_, bin) => `bin${bin}_share`)];
export const DATASET_ID_COLUMNS = ['program', 'visit'].flatMap((level) => LEVEL_COLUMNS.map((column) => `${level}_${column}`));

/** A training job as the encoding sees it (a `CalcloudRow` is one). */
export interface DatasetIdTarget {
  features: { ipst?: string };
  memoryGb: number;
  wallclockSeconds: number;
  memBin: number;
}

/** The program (characters 2–4) and visit (characters 2–6) keys of a dataset id, or none when it is too short. */
export function datasetIdGroupKeys(ipst: string | undefined): { program: string; visit: string } | undefined {
  if (ipst === undefined || ipst.length < 6) return undefined;
  return { program: ipst.slice(1, 4), visit: ipst.slice(1, 6) };
}

export function fitDatasetIdEncoding(rows: ReadonlyArray<DatasetIdTarget>, smoothing: number): DatasetIdEncoding {
  const encoding: DatasetIdEncoding = { smoothing, all: new Array(STAT_WIDTH).fill(0), programs: {}, visits: {} };
  for (const row of rows) {
    addRow(encoding.all, row);
    const keys = datasetIdGroupKeys(row.features.ipst);
    if (!keys) continue;
    addRow((encoding.programs[keys.program] ??= new Array(STAT_WIDTH).fill(0)), row);
    addRow((encoding.visits[keys.visit] ??= new Array(STAT_WIDTH).fill(0)), row);
  }
  return encoding;
}

function addRow(stats: number[], row: DatasetIdTarget): void {
  stats[0] += 1;
  stats[1] += Math.log1p(row.memoryGb);
  stats[2] += Math.log1p(row.wallclockSeconds);
  stats[3 + row.memBin] += 1;
}

/**
 * Encodes ids with a fitted encoding. An id's columns depend only on its visit when the training jobs hold that visit,
 * else only on its program (or on neither): each is computed once, then costs a map lookup per row. Only training
 * visits and programs are kept, so a long-running predictor's caches stay bounded.
 */
export class DatasetIdEncoder {
  private readonly unknown: Float32Array;
  private readonly byVisit = new Map<string, Float32Array>();
  /** columns of the ids whose visit is new but whose program is known */
  private readonly byNewVisitOfProgram = new Map<string, Float32Array>();

  constructor(readonly encoding: DatasetIdEncoding) {
    this.unknown = this.columns(undefined);
  }

  /** Writes the encoded columns of one id into `out` at `offset` (DATASET_ID_COLUMNS.length values). */
  encode(ipst: string | undefined, out: Float32Array, offset: number): void {
    out.set(this.columnsOf(datasetIdGroupKeys(ipst)), offset);
  }

  private columnsOf(keys: { program: string; visit: string } | undefined): Float32Array {
    if (keys === undefined) return this.unknown;
    const ofVisit = this.byVisit.get(keys.visit);
    if (ofVisit !== undefined) return ofVisit;
    if (Object.hasOwn(this.encoding.visits, keys.visit)) return remember(this.byVisit, keys.visit, this.columns(keys));
    // a new visit of a known program: the visit level falls back to the program's means, the same for all its ids
    const ofProgram = this.byNewVisitOfProgram.get(keys.program);
    if (ofProgram !== undefined) return ofProgram;
    if (Object.hasOwn(this.encoding.programs, keys.program)) return remember(this.byNewVisitOfProgram, keys.program, this.columns(keys));
    return this.unknown;
  }

  private columns(keys: { program: string; visit: string } | undefined): Float32Array {
    const { all, programs, visits, smoothing } = this.encoding;
    const prior = smoothedMeans(all, undefined, smoothing);
    const program = smoothedMeans(keys ? programs[keys.program] : undefined, prior, smoothing);
    const visit = smoothedMeans(keys ? visits[keys.visit] : undefined, program, smoothing);
    const columns = new Float32Array(DATASET_ID_COLUMNS.length);
    columns.set(program, 0);
    columns.set(visit, LEVEL_COLUMNS.length);
    return columns;
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  map.set(key, value);
  return value;
}

/** [log(1 + n), then each sum's mean pulled toward the parent's by `smoothing` pseudo-rows]. */
function smoothedMeans(stats: number[] | undefined, parent: Float32Array | undefined, smoothing: number): Float32Array {
  const out = new Float32Array(LEVEL_COLUMNS.length);
  const count = stats?.[0] ?? 0;
  out[0] = Math.log1p(count);
  for (let i = 1; i < STAT_WIDTH; i++) {
    const sum = stats?.[i] ?? 0;
    out[i] = parent ? (sum + smoothing * parent[i]) / (count + smoothing) : sum / Math.max(count, 1);
  }
  return out;
}

/**
 * Encoded columns for the training rows themselves, out of fold: each row sees only the other folds' statistics (so
 * the trees never learn from a row's own target), and a `maskShare` of rows is encoded as unknown.
 */
export function outOfFoldDatasetIdColumns(rows: ReadonlyArray<DatasetIdTarget>, settings: DatasetIdEncodingSettings, seed: number): Float32Array {
  const random = seededRandom(seed);
  const fold = rows.map(() => Math.floor(random() * settings.folds));
  const masked = rows.map(() => random() < settings.maskShare);
  const out = new Float32Array(rows.length * DATASET_ID_COLUMNS.length);
  for (let k = 0; k < settings.folds; k++) {
    const encoder = new DatasetIdEncoder(fitDatasetIdEncoding(rows.filter((_, i) => fold[i] !== k), settings.smoothing));
    rows.forEach((row, i) => {
      if (fold[i] === k) encoder.encode(masked[i] ? undefined : row.features.ipst, out, i * DATASET_ID_COLUMNS.length);
    });
  }
  return out;
}
