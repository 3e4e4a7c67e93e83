import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PowerTransformParams } from '../transforms/power-transformer';
import { CalcloudEstimator, loadEstimator } from './calcloud-estimator';
import { CalcloudFeatures, CalcloudInputError, parseCalcloudFeatures } from './calcloud-features';
import { KillTimeModel, killTimeSeconds } from './calcloud-kill-time';
import { MEMORY_BIN_COUNT } from './calcloud-targets';
import { CALCLOUD_INPUTS, calcloudInputMatrix } from './calcloud-vectors';
import { CALCLOUD_BIN_LADDER, CostAwareBinChooser } from './cost-aware-bin';
import { DATASET_ID_COLUMNS, DatasetIdEncoder, DatasetIdEncoding } from './dataset-id-encoding';
import { binProbabilitiesFromRegression, MemoryResiduals } from './memory-bin-risk';
import { loadMemoryMixture, MemoryMixture, MemoryMixtureManifest, servedMemory } from './memory-mixture';
import { MemoryOffsets, MemoryOffsetter } from './memory-offsets';

export interface CalcloudPrediction {
  /** argmax of the classifier */
  memBin: number;
  binProbs: number[];
  memoryGb: number;
  wallclockSeconds: number;
  killTimeSeconds: number;
  /** the bin with the lowest expected cost (retries included) */
  costAwareBin: number;
  costAwareInstance: string;
}

/** Predictions of a batch by field: row r's values at [r], its bin probabilities at [r × 4, r × 4 + 4). */
export interface CalcloudPredictionColumns {
  rows: number;
  memBin: Uint8Array;
  binProbs: Float32Array;
  memoryGb: Float32Array;
  wallclockSeconds: Float32Array;
  killTimeSeconds: Float64Array;
  /** index into CALCLOUD_BIN_LADDER, which names its instance type */
  costAwareBin: Uint8Array;
}

/** Everything besides the three models that prediction needs; stored as `models/bundle.json`. */
export const CalcloudBundleManifest = z.object({
  /**
   * 2 added the dataset-id encoding (`dataset_ids.json`, used when `featureNames` lists its columns), 3 the memory
   * mixture (`mem_bins/`, used when `memoryMixture` is set), 4 the memory offsets (`memory_offsets.json`, used when
   * `memoryOffsets` is true)
   */
  format: z.enum(['jobcast-calcloud-bundle/1', 'jobcast-calcloud-bundle/2', 'jobcast-calcloud-bundle/3', 'jobcast-calcloud-bundle/4']),
  config: z.string(),
  trainedAt: z.string(),
  featureNames: z.array(z.string()),
  killTime: KillTimeModel,
  memoryResiduals: MemoryResiduals,
  /** memory = the regressor blended with the classifier's mixture of per-bin estimates (absent: the regressor alone) */
  memoryMixture: MemoryMixtureManifest.optional(),
  /** the served memory gets its program's / visit's offset (absent or false: none) */
  memoryOffsets: z.boolean().optional(),
  /** USD per job-hour of bins 0..3 and the price table version they came from */
  binHourlyRates: z.array(z.number().nonnegative()).length(MEMORY_BIN_COUNT),
  priceTableVersion: z.string(),
  retryPenalty: z.object({ retryDelayUsdPerHour: z.number().nonnegative(), queueWaitHours: z.number().nonnegative() }),
});
export type CalcloudBundleManifest = z.infer<typeof CalcloudBundleManifest>;

/** A row that failed validation, by its position in the batch. */
export class CalcloudBatchError extends Error {
  constructor(readonly rows: Array<{ index: number; error: string }>) {
    super(`${rows.length} invalid input row(s): ${rows.slice(0, 5).map((r) => `row ${r.index}: ${r.error}`).join('; ')}`);
    this.name = 'CalcloudBatchError';
  }
}

/** The three trained models plus the transform, kill-time and cost parameters: what the predictor serves. */
export class CalcloudBundle {
  private readonly costAware: CostAwareBinChooser;
  private readonly datasetIdEncoder?: DatasetIdEncoder;
  private readonly memoryOffsetter?: MemoryOffsetter;
  /** columns of the input matrix: the widest any of the three models takes */
  private readonly inputWidth: number;
  /** per-row scratch of the cost-aware choice (JavaScript runs one prediction at a time) */
  private readonly fromRegressor = new Float64Array(MEMORY_BIN_COUNT);
  private readonly blended = new Float64Array(MEMORY_BIN_COUNT);

  constructor(
    readonly tx: PowerTransformParams,
    readonly memClf: CalcloudEstimator,
    readonly memReg: CalcloudEstimator,
    readonly wallReg: CalcloudEstimator,
    readonly manifest: CalcloudBundleManifest,
    /** present when the models take the dataset-id columns */
    readonly datasetIds?: DatasetIdEncoding,
    /** present when the manifest describes one */
    readonly memoryMixture?: MemoryMixture,
    /** present when the manifest says so */
    readonly memoryOffsets?: MemoryOffsets,
  ) {
    if ((manifest.memoryMixture === undefined) !== (memoryMixture === undefined)) throw new Error('calcloud bundle: the manifest and the memory mixture disagree');
    if ((manifest.memoryOffsets === true) !== (memoryOffsets !== undefined)) throw new Error('calcloud bundle: the manifest and the memory offsets disagree');
    this.costAware = new CostAwareBinChooser(manifest.binHourlyRates, manifest.retryPenalty);
    this.datasetIdEncoder = datasetIds && new DatasetIdEncoder(datasetIds);
    this.memoryOffsetter = memoryOffsets && new MemoryOffsetter(memoryOffsets);
    const widths = datasetIds ? [CALCLOUD_INPUTS, CALCLOUD_INPUTS + DATASET_ID_COLUMNS.length] : [CALCLOUD_INPUTS];
    const perBin = Object.fromEntries((memoryMixture?.perBin ?? []).flatMap((estimator, bin) => (estimator ? [[`memory mixture bin ${bin}`, estimator]] : [])));
    const estimators = { memClf, memReg, wallReg, ...perBin };
    for (const [name, estimator] of Object.entries(estimators)) {
      if (!widths.includes(estimator.inputs)) throw new Error(`calcloud bundle: ${name} takes ${estimator.inputs} inputs, expected ${widths.join(' or ')}`);
    }
    this.inputWidth = Math.max(...Object.values(estimators).map((estimator) => estimator.inputs));
  }

  /** Validates every input first (all bad rows are named in one error), then predicts the whole batch at once. */
  predictBatch(inputs: ReadonlyArray<CalcloudFeatures | Record<string, unknown>>): CalcloudPrediction[] {
    const features: CalcloudFeatures[] = [];
    const invalid: Array<{ index: number; error: string }> = [];
    inputs.forEach((input, index) => {
      try {
        features.push(parseCalcloudFeatures(input as Record<string, unknown>));
      } catch (error) {
        if (!(error instanceof CalcloudInputError)) throw error;
        invalid.push({ index, error: error.message });
      }
    });
    if (invalid.length > 0) throw new CalcloudBatchError(invalid);
    return this.predictValid(features);
  }

  /** Prediction for rows already validated (e.g. by `encodeCalcloudRecord`). */
  predictValid(features: ReadonlyArray<CalcloudFeatures>): CalcloudPrediction[] {
    const columns = this.predictColumns(features);
    return Array.from({ length: columns.rows }, (_, r) => ({
      memBin: columns.memBin[r],
      binProbs: Array.from(columns.binProbs.subarray(r * MEMORY_BIN_COUNT, (r + 1) * MEMORY_BIN_COUNT)),
      memoryGb: columns.memoryGb[r],
      wallclockSeconds: columns.wallclockSeconds[r],
      killTimeSeconds: columns.killTimeSeconds[r],
      costAwareBin: columns.costAwareBin[r],
      costAwareInstance: CALCLOUD_BIN_LADDER[columns.costAwareBin[r]].instanceType,
    }));
  }

  /** `predictValid` as one typed array per field, without an object per row (what a server answering batches wants). */
  predictColumns(features: ReadonlyArray<CalcloudFeatures>): CalcloudPredictionColumns {
    const rows = features.length;
    // one input matrix for the three models: those taking calcloud's 9 inputs read the first columns of each row
    const x = calcloudInputMatrix(this.tx, features, this.inputWidth > CALCLOUD_INPUTS ? this.datasetIdEncoder : undefined);
    const predict = (estimator: CalcloudEstimator) => (rows === 0 ? new Float32Array(0) : estimator.predict(x, rows, this.inputWidth));
    const probabilities = predict(this.memClf);
    const regression = predict(this.memReg);
    const memory = servedMemory(this.memoryMixture, probabilities, regression, x, rows, this.inputWidth);
    this.memoryOffsetter?.apply(memory, features);
    const wallclock = predict(this.wallReg);
    for (let r = 0; r < rows; r++) wallclock[r] = Math.max(wallclock[r], 1);
    const { killTime, memoryResiduals } = this.manifest;
    const { fromRegressor, blended } = this;
    const columns: CalcloudPredictionColumns = {
      rows,
      memBin: new Uint8Array(rows),
      binProbs: probabilities,
      memoryGb: memory,
      wallclockSeconds: wallclock,
      killTimeSeconds: new Float64Array(rows),
      costAwareBin: new Uint8Array(rows),
    };
    for (let r = 0; r < rows; r++) {
      const first = r * MEMORY_BIN_COUNT;
      let memBin = 0;
      for (let bin = 1; bin < MEMORY_BIN_COUNT; bin++) if (probabilities[first + bin] > probabilities[first + memBin]) memBin = bin;
      binProbabilitiesFromRegression(memoryResiduals, memory[r], fromRegressor);
      for (let bin = 0; bin < MEMORY_BIN_COUNT; bin++) blended[bin] = (probabilities[first + bin] + fromRegressor[bin]) / 2;
      columns.memBin[r] = memBin;
      columns.killTimeSeconds[r] = killTimeSeconds(killTime, wallclock[r]);
      columns.costAwareBin[r] = this.costAware.cheapest(blended, wallclock[r] / 3600);
    }
    return columns;
  }

  dispose(): void {
    this.memClf.dispose();
    this.memReg.dispose();
    this.wallReg.dispose();
    this.memoryMixture?.dispose();
  }
}

/** Writes `<dir>/models/{tx_data.json, bundle.json, [dataset_ids.json], [memory_offsets.json], mem_clf/, mem_reg/, wall_reg/, [mem_bins/]}`. */
export async function saveCalcloudBundle(bundle: CalcloudBundle, dir: string): Promise<string> {
  const models = join(dir, 'models');
  mkdirSync(models, { recursive: true });
  writeFileSync(join(models, 'tx_data.json'), JSON.stringify(bundle.tx, null, 2));
  writeFileSync(join(models, 'bundle.json'), JSON.stringify(bundle.manifest, null, 2));
  if (bundle.datasetIds) writeFileSync(join(models, 'dataset_ids.json'), JSON.stringify(bundle.datasetIds));
  if (bundle.memoryOffsets) writeFileSync(join(models, 'memory_offsets.json'), JSON.stringify(bundle.memoryOffsets));
  await bundle.memClf.save(join(models, 'mem_clf'));
  await bundle.memReg.save(join(models, 'mem_reg'));
  await bundle.wallReg.save(join(models, 'wall_reg'));
  await bundle.memoryMixture?.save(join(models, 'mem_bins'));
  return models;
}

/** Loads a bundle from a `models` folder or from the run folder holding it. */
export async function loadCalcloudBundle(dir: string): Promise<CalcloudBundle> {
  const models = existsSync(join(dir, 'models', 'bundle.json')) ? join(dir, 'models') : dir;
  const read = (name: string) => {
    const path = join(models, name);
    if (!existsSync(path)) throw new Error(`${path} not found: ${dir} is not a calcloud models folder (train one with "jobcast train calcloud")`);
    return JSON.parse(readFileSync(path, 'utf8'));
  };
  const tx = PowerTransformParams.parse(read('tx_data.json'));
  const manifest = CalcloudBundleManifest.parse(read('bundle.json'));
  const datasetIds = manifest.featureNames.length > CALCLOUD_INPUTS ? DatasetIdEncoding.parse(read('dataset_ids.json')) : undefined;
  const [memClf, memReg, wallReg] = await Promise.all(['mem_clf', 'mem_reg', 'wall_reg'].map((name) => loadEstimator(join(models, name))));
  const memoryMixture = manifest.memoryMixture && (await loadMemoryMixture(join(models, 'mem_bins'), manifest.memoryMixture));
  const memoryOffsets = manifest.memoryOffsets ? MemoryOffsets.parse(read('memory_offsets.json')) : undefined;
  return new CalcloudBundle(tx, memClf, memReg, wallReg, manifest, datasetIds, memoryMixture, memoryOffsets);
}
