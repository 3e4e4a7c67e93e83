import { loadPriceTable } from '../pricing';
import { fitPowerTransform, PowerTransformParams } from '../transforms/power-transformer';
import { analyseCalcloudTest, CalcloudResults } from './calcloud-analysis';
import { CalcloudBundle } from './calcloud-bundle';
import { CALCLOUD_CONFIGS, CalcloudConfigName, CalcloudTrainingConfig } from './calcloud-config';
import type { CalcloudRow } from './calcloud-dataset';
import { CalcloudEstimator, EstimatorData, trainEstimator } from './calcloud-estimator';
import { fitKillTime } from './calcloud-kill-time';
import { MEMORY_BIN_COUNT } from './calcloud-targets';
import { CALCLOUD_INPUTS, calcloudInputMatrix, calcloudInputNames } from './calcloud-vectors';
import { binHourlyRates } from './cost-aware-bin';
import { DatasetIdEncoder, DatasetIdModel, fitDatasetIdEncoding, outOfFoldDatasetIdColumns } from './dataset-id-encoding';
import { fitMemoryResiduals } from './memory-bin-risk';
import { MemoryMixtureData, servedMemory, trainMemoryMixture } from './memory-mixture';
import { fitMemoryOffsets, MemoryOffsetter, outOfFoldMemoryResiduals } from './memory-offsets';
import { stratifiedSplit } from './stratified-split';

export interface CalcloudTrainingOptions {
  /** a named preset (default `default`) */
  config?: CalcloudConfigName;
  seed?: number;
  testSize?: number;
  epochsScale?: number;
  /** a price table file overriding the bundled one */
  priceTablePath?: string;
  onProgress?: (message: string) => void;
}

/** The headline figures `jobcast train calcloud` prints. */
export interface CalcloudMetrics {
  config: string;
  accuracy: number;
  mem_rmse: number;
  wall_rmse: number;
  kill_coverage: number;
  kill_median_ratio: number;
  under_provisioned_argmax: number;
  under_provisioned_cost_aware: number;
  large_jobs_in_bin0_cost_aware: number;
  train_rows: number;
  test_rows: number;
  train_seconds: number;
  /** wall time of each model's training and the epochs / rounds it ran */
  fit_seconds: { mem_clf: number; mem_reg: number; mem_bins: number; mem_offsets: number; wall_reg: number };
  fit_steps: { mem_clf: number; mem_reg: number; wall_reg: number };
}

export function resolveCalcloudConfig(options: CalcloudTrainingOptions): CalcloudTrainingConfig {
  const name = options.config ?? 'default';
  const preset = CALCLOUD_CONFIGS[name];
  if (!preset) throw new Error(`unknown calcloud config "${name}" (choose ${Object.keys(CALCLOUD_CONFIGS).join(', ')})`);
  return CalcloudTrainingConfig.parse({
    ...preset,
    seed: options.seed ?? preset.seed,
    testSize: options.testSize ?? preset.testSize,
    epochsScale: options.epochsScale ?? preset.epochsScale,
  });
}

export interface CalcloudSplit {
  trainRows: CalcloudRow[];
  /** held out of training for early stopping and for fitting the kill-time and memory-risk spreads */
  validationRows: CalcloudRow[];
  testRows: CalcloudRow[];
  /** the power transform, fitted on the training rows only */
  tx: PowerTransformParams;
}

/** The stratified test split, then a stratified validation split of the rest (seed + 1); also what peers reuse. */
export function prepareCalcloudSplit(rows: ReadonlyArray<CalcloudRow>, config: Pick<CalcloudTrainingConfig, 'seed' | 'testSize' | 'validationSize'>): CalcloudSplit {
  const split = stratifiedSplit(rows.map((r) => r.memBin), config.testSize, config.seed);
  return calcloudSplitOf(rows, split.train, split.test, config);
}

/** Given test rows (by index), holds a stratified validation share out of the others and fits the transform. */
export function calcloudSplitOf(
  rows: ReadonlyArray<CalcloudRow>,
  learningIndices: number[],
  testIndices: number[],
  config: Pick<CalcloudTrainingConfig, 'seed' | 'validationSize'>,
): CalcloudSplit {
  const learning = learningIndices.map((i) => rows[i]);
  const inner = stratifiedSplit(learning.map((r) => r.memBin), config.validationSize, config.seed + 1);
  const trainRows = inner.train.map((i) => learning[i]);
  return {
    trainRows,
    validationRows: inner.test.map((i) => learning[i]),
    testRows: testIndices.map((i) => rows[i]),
    tx: fitPowerTransform([trainRows.map((r) => r.features.n_files), trainRows.map((r) => r.features.total_mb)]),
  };
}

/**
 * Trains the three calcloud models on a stratified split, fits the kill-time and risk spreads on the held-out
 * validation rows, and evaluates everything on the test rows.
 */
export async function trainCalcloud(
  rows: ReadonlyArray<CalcloudRow>,
  options: CalcloudTrainingOptions = {},
): Promise<{ bundle: CalcloudBundle; metrics: CalcloudMetrics; results: CalcloudResults }> {
  const config = resolveCalcloudConfig(options);
  if (rows.length < 50) throw new Error(`calcloud training needs at least 50 rows (got ${rows.length})`);
  return trainCalcloudOnSplit(prepareCalcloudSplit(rows, config), config, options);
}

/** Trains and evaluates on a given split (the single split above, or one fold of a cross-validation). */
export async function trainCalcloudOnSplit(
  split: CalcloudSplit,
  config: CalcloudTrainingConfig,
  options: Pick<CalcloudTrainingOptions, 'priceTablePath' | 'onProgress'> = {},
): Promise<{ bundle: CalcloudBundle; metrics: CalcloudMetrics; results: CalcloudResults }> {
  const progress = options.onProgress ?? (() => undefined);
  const started = Date.now();
  const { trainRows, validationRows, testRows, tx } = split;
  progress(`split: ${trainRows.length} train, ${validationRows.length} validation, ${testRows.length} test (seed ${config.seed})`);
  // models taking the dataset-id columns see them out of fold on their training rows, and on validation and test rows
  // the encoding of all training rows (what prediction uses)
  const datasetIds = config.datasetIds ? fitDatasetIdEncoding(trainRows, config.datasetIds.smoothing) : undefined;
  const datasetIdEncoder = datasetIds && new DatasetIdEncoder(datasetIds);
  const features = (part: CalcloudRow[]) => part.map((r) => r.features);
  const plain = { train: calcloudInputMatrix(tx, features(trainRows)), validation: calcloudInputMatrix(tx, features(validationRows)) };
  const withIds = config.datasetIds
    ? {
        train: calcloudInputMatrix(tx, features(trainRows), outOfFoldDatasetIdColumns(trainRows, config.datasetIds, config.seed)),
        validation: calcloudInputMatrix(tx, features(validationRows), datasetIdEncoder),
      }
    : plain;
  const inputsOf = (model: DatasetIdModel) => (config.datasetIds?.models.includes(model) ? withIds : plain);
  const data = (part: CalcloudRow[], x: Float32Array, target: (r: CalcloudRow) => number): EstimatorData => ({
    x,
    y: Float32Array.from(part, target),
    rows: part.length,
  });
  const fit = async (name: string, model: DatasetIdModel, target: (r: CalcloudRow) => number, classifier: boolean) => {
    const settings = config[model];
    const x = inputsOf(model);
    const t0 = Date.now();
    const trained = await trainEstimator(
      settings,
      classifier ? { type: 'classifier', classes: MEMORY_BIN_COUNT } : { type: 'regressor' },
      data(trainRows, x.train, target),
      data(validationRows, x.validation, target),
      {
        seed: config.seed,
        epochsScale: config.epochsScale,
        onProgress: (step, loss, valLoss) => {
          if (step % 10 === 0) progress(`${name} ${settings.kind} step ${step + 1}: loss ${loss.toPrecision(4)} val_loss ${valLoss.toPrecision(4)}`);
        },
      },
    );
    const seconds = Math.round((Date.now() - t0) / 100) / 10;
    progress(`${name}: ${trained.history.loss.length} steps, best ${trained.history.best_epoch + 1}, ${seconds} s`);
    return { ...trained, seconds };
  };
  const memClf = await fit('mem_clf', 'memClf', (r) => r.memBin, true);
  const memReg = await fit('mem_reg', 'memReg', (r) => r.memoryGb, false);
  const memBins = await fitMemoryMixture(config, plain, trainRows, validationRows, progress);
  const memOffsets = await fitOffsets(config, inputsOf('memReg'), trainRows, validationRows, progress);
  const wallReg = await fit('wall_reg', 'wallReg', (r) => r.wallclockSeconds, false);

  const predictOne = (estimator: CalcloudEstimator) =>
    estimator.predict(estimator.inputs > CALCLOUD_INPUTS ? withIds.validation : plain.validation, validationRows.length);
  const validationMemory = servedMemory(memBins.mixture, predictOne(memClf.estimator), predictOne(memReg.estimator), plain.validation, validationRows.length, CALCLOUD_INPUTS);
  if (memOffsets.offsets) new MemoryOffsetter(memOffsets.offsets).apply(validationMemory, features(validationRows));
  const priceTable = loadPriceTable(options.priceTablePath);
  const rates = binHourlyRates(priceTable);
  const bundle = new CalcloudBundle(tx, memClf.estimator, memReg.estimator, wallReg.estimator, {
    format: 'jobcast-calcloud-bundle/4',
    config: config.name,
    trainedAt: new Date().toISOString(),
    featureNames: calcloudInputNames(datasetIds !== undefined),
    killTime: fitKillTime(
      predictOne(wallReg.estimator).map((s) => Math.max(s, 1)),
      validationRows.map((r) => r.wallclockSeconds),
      config.killTimeCoverage,
    ),
    memoryResiduals: fitMemoryResiduals(validationMemory, validationRows.map((r) => r.memoryGb)),
    memoryMixture: memBins.mixture?.manifest,
    memoryOffsets: memOffsets.offsets !== undefined,
    binHourlyRates: rates,
    priceTableVersion: priceTable.version,
    retryPenalty: { retryDelayUsdPerHour: config.retryDelayUsdPerHour, queueWaitHours: config.retryQueueWaitHours },
  }, datasetIds, memBins.mixture, memOffsets.offsets);
  const trainSeconds = (Date.now() - started) / 1000;

  const predictions = bundle.predictValid(testRows.map((r) => r.features));
  const results = analyseCalcloudTest(
    testRows,
    predictions,
    { memClf: memClf.history, memReg: memReg.history, wallReg: wallReg.history },
    { config: config.name, seed: config.seed, killTimeCoverage: config.killTimeCoverage, binHourlyRates: rates },
  );
  const metrics: CalcloudMetrics = {
    config: config.name,
    accuracy: results.memBin.metrics.accuracy,
    mem_rmse: results.memory.metrics.rmse,
    wall_rmse: results.wallclock.metrics.rmse,
    kill_coverage: results.killTime.coverage,
    kill_median_ratio: results.killTime.medianKillOverActual,
    under_provisioned_argmax: results.costAware.underProvisionedArgmax,
    under_provisioned_cost_aware: results.costAware.underProvisionedCostAware,
    large_jobs_in_bin0_cost_aware: results.costAware.largeJobsInBinZeroCostAware,
    train_rows: trainRows.length + validationRows.length,
    test_rows: testRows.length,
    train_seconds: Math.round(trainSeconds * 10) / 10,
    fit_seconds: { mem_clf: memClf.seconds, mem_reg: memReg.seconds, mem_bins: memBins.seconds, mem_offsets: memOffsets.seconds, wall_reg: wallReg.seconds },
    fit_steps: { mem_clf: memClf.history.loss.length, mem_reg: memReg.history.loss.length, wall_reg: wallReg.history.loss.length },
  };
  return { bundle, metrics, results };
}

/** The per-bin memory estimators of the configured mixture, on calcloud's 9 inputs (none when not configured). */
async function fitMemoryMixture(
  config: CalcloudTrainingConfig,
  inputs: { train: Float32Array; validation: Float32Array },
  trainRows: CalcloudRow[],
  validationRows: CalcloudRow[],
  progress: (message: string) => void,
) {
  if (!config.memoryMixture) return { mixture: undefined, seconds: 0 };
  const started = Date.now();
  const data = (x: Float32Array, part: CalcloudRow[]): MemoryMixtureData => ({
    x,
    inputs: CALCLOUD_INPUTS,
    memoryGb: part.map((r) => r.memoryGb),
    memBin: part.map((r) => r.memBin),
  });
  const { mixture, rounds } = await trainMemoryMixture(config.memoryMixture, data(inputs.train, trainRows), data(inputs.validation, validationRows), config);
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  progress(`mem_bins: best rounds per bin ${rounds.join(', ')} (0: the regressor stands in), ${seconds} s`);
  return { mixture, seconds };
}

/** The configured per-program / per-visit memory offsets, from out-of-fold regressors on the training rows (none when not configured). */
async function fitOffsets(
  config: CalcloudTrainingConfig,
  inputs: { train: Float32Array; validation: Float32Array },
  trainRows: CalcloudRow[],
  validationRows: CalcloudRow[],
  progress: (message: string) => void,
) {
  if (!config.memoryOffsets) return { offsets: undefined, seconds: 0 };
  const started = Date.now();
  const data = (x: Float32Array, part: CalcloudRow[]) => ({ x, y: Float32Array.from(part, (r) => r.memoryGb), rows: part.length });
  const residuals = await outOfFoldMemoryResiduals(config.memReg, data(inputs.train, trainRows), data(inputs.validation, validationRows), config.memoryOffsets.folds, config);
  const offsets = fitMemoryOffsets(trainRows.map((r) => r.features.ipst), residuals, config.memoryOffsets.smoothing);
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  progress(`mem_offsets: ${Object.keys(offsets.programs).length} programs, ${Object.keys(offsets.visits).length} visits, ${seconds} s`);
  return { offsets, seconds };
}
