import { argmaxRows, ClassificationMetrics, classificationMetrics } from '../evaluation/classification-metrics';
import { RegressionMetrics, regressionMetrics } from '../evaluation/regression-metrics';
import { median } from '../estimators/statistics/sample-statistics';
import { RocCurve, rocPerClass } from '../evaluation/roc-curve';
import type { TrainingHistory } from '../nn/train-network';
import type { CalcloudPrediction } from './calcloud-bundle';
import type { CalcloudRow } from './calcloud-dataset';
import { MEMORY_BIN_COUNT } from './calcloud-targets';

/** Test-split results of one training run, in spacekit's vocabulary (written by report/results-writer). */
export interface CalcloudResults {
  config: string;
  seed: number;
  testIds: string[];
  memBin: {
    metrics: ClassificationMetrics;
    loss: number;
    roc: RocCurve[];
    truth: number[];
    predicted: number[];
    scores: number[][];
    /** jobs predicted a lower bin than they needed (false negatives) / a higher one (false positives) */
    underPredicted: Array<{ id: string; truth: number; predicted: number }>;
    overPredicted: Array<{ id: string; truth: number; predicted: number }>;
    history: TrainingHistory;
  };
  memory: RegressorResults;
  wallclock: RegressorResults;
  killTime: { coverageTarget: number; coverage: number; medianKillOverActual: number; killTimeSeconds: number[] };
  costAware: CostAwareSummary;
}

export interface RegressorResults {
  metrics: RegressionMetrics;
  truth: number[];
  predicted: number[];
  residuals: number[];
  history: TrainingHistory;
}

export interface CostAwareSummary {
  /** share of test jobs started below their true bin (each one fails and is retried) */
  underProvisionedArgmax: number;
  underProvisionedCostAware: number;
  /** true bin 2/3 jobs started in bin 0: must stay 0 */
  largeJobsInBinZeroArgmax: number;
  largeJobsInBinZeroCostAware: number;
  /** simulated USD over the test split with retries, per policy */
  simulatedCostArgmax: number;
  simulatedCostCostAware: number;
  simulatedCostOracle: number;
  confusion: number[][];
}

export function analyseCalcloudTest(
  rows: ReadonlyArray<CalcloudRow>,
  predictions: ReadonlyArray<CalcloudPrediction>,
  histories: { memClf: TrainingHistory; memReg: TrainingHistory; wallReg: TrainingHistory },
  context: { config: string; seed: number; killTimeCoverage: number; binHourlyRates: number[] },
): CalcloudResults {
  const truth = rows.map((r) => r.memBin);
  const flatScores = predictions.flatMap((p) => p.binProbs);
  const predicted = argmaxRows(flatScores, rows.length, MEMORY_BIN_COUNT);
  let logLoss = 0;
  rows.forEach((row, i) => (logLoss -= Math.log(Math.max(predictions[i].binProbs[row.memBin], 1e-7))));
  const mispredicted = (higher: boolean) =>
    rows
      .map((row, i) => ({ id: row.id, truth: row.memBin, predicted: predicted[i] }))
      .filter((r) => (higher ? r.predicted > r.truth : r.predicted < r.truth));
  const killTimes = predictions.map((p) => p.killTimeSeconds);
  const covered = rows.filter((row, i) => killTimes[i] >= row.wallclockSeconds).length;
  return {
    config: context.config,
    seed: context.seed,
    testIds: rows.map((r) => r.id),
    memBin: {
      metrics: classificationMetrics(truth, predicted, MEMORY_BIN_COUNT),
      loss: logLoss / Math.max(rows.length, 1),
      roc: rocPerClass(flatScores, truth, MEMORY_BIN_COUNT),
      truth,
      predicted,
      scores: predictions.map((p) => p.binProbs),
      underPredicted: mispredicted(false),
      overPredicted: mispredicted(true),
      history: histories.memClf,
    },
    memory: regressorResults(rows.map((r) => r.memoryGb), predictions.map((p) => p.memoryGb), histories.memReg),
    wallclock: regressorResults(rows.map((r) => r.wallclockSeconds), predictions.map((p) => p.wallclockSeconds), histories.wallReg),
    killTime: {
      coverageTarget: context.killTimeCoverage,
      coverage: covered / Math.max(rows.length, 1),
      medianKillOverActual: median(rows.map((row, i) => killTimes[i] / Math.max(row.wallclockSeconds, 1))),
      killTimeSeconds: killTimes,
    },
    costAware: costAwareSummary(rows, predicted, predictions.map((p) => p.costAwareBin), context.binHourlyRates),
  };
}

function regressorResults(truth: number[], predicted: number[], history: TrainingHistory): RegressorResults {
  return { metrics: regressionMetrics(truth, predicted), truth, predicted, residuals: truth.map((t, i) => t - predicted[i]), history };
}

function costAwareSummary(rows: ReadonlyArray<CalcloudRow>, argmax: number[], costAware: number[], rates: number[]): CostAwareSummary {
  // a job started below its bin fails (paying that run) and climbs one bin per retry until it fits
  const simulate = (start: number, row: CalcloudRow) => {
    const hours = row.wallclockSeconds / 3600;
    let cost = 0;
    for (let bin = start; bin < row.memBin; bin++) cost += rates[bin] * hours;
    return cost + rates[Math.max(start, row.memBin)] * hours;
  };
  const n = Math.max(rows.length, 1);
  const confusion = Array.from({ length: MEMORY_BIN_COUNT }, () => new Array<number>(MEMORY_BIN_COUNT).fill(0));
  rows.forEach((row, i) => confusion[row.memBin][costAware[i]]++);
  return {
    underProvisionedArgmax: rows.filter((row, i) => argmax[i] < row.memBin).length / n,
    underProvisionedCostAware: rows.filter((row, i) => costAware[i] < row.memBin).length / n,
    largeJobsInBinZeroArgmax: rows.filter((row, i) => row.memBin >= 2 && argmax[i] === 0).length,
    largeJobsInBinZeroCostAware: rows.filter((row, i) => row.memBin >= 2 && costAware[i] === 0).length,
    simulatedCostArgmax: rows.reduce((sum, row, i) => sum + simulate(argmax[i], row), 0),
    simulatedCostCostAware: rows.reduce((sum, row, i) => sum + simulate(costAware[i], row), 0),
    simulatedCostOracle: rows.reduce((sum, row) => sum + simulate(row.memBin, row), 0),
    confusion,
  };
}
