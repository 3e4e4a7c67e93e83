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

/** Everything besides the three models that prediction needs; stored as `models/bundle.json`. */
export const CalcloudBundleManifest = z.object({
  /** 2 added the dataset-id encoding (`dataset_ids.json`, used when `featureNames` lists its columns) */
  format: z.enum(['jobcast-calcloud-bundle/1', 'jobcast-calcloud-bundle/2']),
  config: z.string(),
  trainedAt: z.string(),
  featureNames: z.array(z.string()),
  killTime: KillTimeModel,
  memoryResiduals: MemoryResiduals,
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

  constructor(
    readonly tx: PowerTransformParams,
    readonly memClf: CalcloudEstimator,
    readonly memReg: CalcloudEstimator,
    readonly wallReg: CalcloudEstimator,
    readonly manifest: CalcloudBundleManifest,
    /** present when the models take the dataset-id columns */
    readonly datasetIds?: DatasetIdEncoding,
  ) {
    this.costAware = new CostAwareBinChooser(manifest.binHourlyRates, manifest.retryPenalty);
    this.datasetIdEncoder = datasetIds && new DatasetIdEncoder(datasetIds);
    const widths = datasetIds ? [CALCLOUD_INPUTS, CALCLOUD_INPUTS + DATASET_ID_COLUMNS.length] : [CALCLOUD_INPUTS];
    for (const [name, estimator] of Object.entries({ memClf, memReg, wallReg })) {
      if (!widths.includes(estimator.inputs)) throw new Error(`calcloud bundle: ${name} takes ${estimator.inputs} inputs, expected ${widths.join(' or ')}`);
    }
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
    const rows = features.length;
    if (rows === 0) return [];
    const matrices = new Map<number, Float32Array>();
    const predict = (estimator: CalcloudEstimator) => {
      let x = matrices.get(estimator.inputs);
      if (!x) matrices.set(estimator.inputs, (x = calcloudInputMatrix(this.tx, features, estimator.inputs > CALCLOUD_INPUTS ? this.datasetIdEncoder : undefined)));
      return estimator.predict(x, rows);
    };
    const probabilities = predict(this.memClf);
    const memory = predict(this.memReg);
    const wallclock = predict(this.wallReg);
    const { killTime, memoryResiduals } = this.manifest;
    const fromRegressor = new Float64Array(MEMORY_BIN_COUNT);
    const blended = new Float64Array(MEMORY_BIN_COUNT);
    const out: CalcloudPrediction[] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const binProbs: number[] = new Array(MEMORY_BIN_COUNT);
      let memBin = 0;
      for (let bin = 0; bin < MEMORY_BIN_COUNT; bin++) {
        binProbs[bin] = probabilities[r * MEMORY_BIN_COUNT + bin];
        if (binProbs[bin] > binProbs[memBin]) memBin = bin;
      }
      const memoryGb = Math.max(memory[r], 0);
      const wallclockSeconds = Math.max(wallclock[r], 1);
      binProbabilitiesFromRegression(memoryResiduals, memoryGb, fromRegressor);
      for (let bin = 0; bin < MEMORY_BIN_COUNT; bin++) blended[bin] = (binProbs[bin] + fromRegressor[bin]) / 2;
      const costAwareBin = this.costAware.cheapest(blended, wallclockSeconds / 3600);
      out[r] = {
        memBin,
        binProbs,
        memoryGb,
        wallclockSeconds,
        killTimeSeconds: killTimeSeconds(killTime, wallclockSeconds),
        costAwareBin,
        costAwareInstance: CALCLOUD_BIN_LADDER[costAwareBin].instanceType,
      };
    }
    return out;
  }

  dispose(): void {
    this.memClf.dispose();
    this.memReg.dispose();
    this.wallReg.dispose();
  }
}

/** Writes `<dir>/models/{tx_data.json, bundle.json, [dataset_ids.json], mem_clf/, mem_reg/, wall_reg/}`. */
export async function saveCalcloudBundle(bundle: CalcloudBundle, dir: string): Promise<string> {
  const models = join(dir, 'models');
  mkdirSync(models, { recursive: true });
  writeFileSync(join(models, 'tx_data.json'), JSON.stringify(bundle.tx, null, 2));
  writeFileSync(join(models, 'bundle.json'), JSON.stringify(bundle.manifest, null, 2));
  if (bundle.datasetIds) writeFileSync(join(models, 'dataset_ids.json'), JSON.stringify(bundle.datasetIds));
  await bundle.memClf.save(join(models, 'mem_clf'));
  await bundle.memReg.save(join(models, 'mem_reg'));
  await bundle.wallReg.save(join(models, 'wall_reg'));
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
  return new CalcloudBundle(tx, memClf, memReg, wallReg, manifest, datasetIds);
}
