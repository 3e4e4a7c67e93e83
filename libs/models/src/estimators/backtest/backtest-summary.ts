import type { BacktestRow } from './backtest-replay';
import { median } from '../statistics';
import { boundCoverage, runtimeErrorMetrics, type RuntimeErrorMetrics } from './backtest-metrics';

export type RuntimeEstimatorName = 'soamc' | 'requested' | 'jobcast';

export interface EstimatorSummary {
  runtime_mae_s: number | null;
  runtime_mdape: number | null;
  runtime_under_rate: number | null;
  /** jobs scored: those with a known runtime that every estimator answered, so all are compared on the same jobs */
  runtime_jobs: number;
  /** jobs with a known runtime this estimator could not answer */
  runtime_unanswered: number;
  /** the same metrics over every job this estimator answered */
  runtime_all_answered: RuntimeErrorMetrics;
  /** share of waits at or below the queue estimate; absent where the estimator gives none */
  queue_coverage?: number | null;
  /** the wait quantile the queue estimate claims to bound, and its confidence */
  queue_level?: number;
  queue_confidence?: number;
  queue_jobs?: number;
  queue_unanswered?: number;
  /** median of the queue estimates given, seconds: how tight the estimate is, since a huge one covers trivially */
  queue_bound_median_s?: number | null;
  /** how the queue estimate is read */
  queue_rule?: string;
  /** Jobcast: share of runtimes at or below the predicted p90 (over every job it answered) */
  runtime_p90_coverage?: number | null;
  /** Jobcast: how many answers came from each level */
  runtime_levels?: Record<string, number>;
}

export type BacktestSummary = Record<RuntimeEstimatorName, EstimatorSummary>;

const predictionOf: Record<RuntimeEstimatorName, (row: BacktestRow) => number | null> = {
  soamc: (row) => row.soamcRuntimeSeconds,
  requested: (row) => row.requestedSeconds,
  jobcast: (row) => row.jobcast?.p50 ?? null,
};

/** One object per estimator, runtime errors on the jobs all of them answered, queue coverage where it applies. */
export function summariseBacktest(rows: readonly BacktestRow[], queueLevel: number, queueConfidence: number): BacktestSummary {
  const names = Object.keys(predictionOf) as RuntimeEstimatorName[];
  const withRuntime = rows.filter((row) => row.actualRuntimeSeconds !== null);
  const common = withRuntime.filter((row) => names.every((name) => predictionOf[name](row) !== null));
  const runtimeOf = (name: RuntimeEstimatorName, subset: readonly BacktestRow[]) =>
    runtimeErrorMetrics(
      subset
        .filter((row) => predictionOf[name](row) !== null)
        .map((row) => ({ predicted: predictionOf[name](row) as number, actual: row.actualRuntimeSeconds as number })),
    );
  const summary = {} as BacktestSummary;
  for (const name of names) {
    const onCommon = runtimeOf(name, common);
    const allAnswered = runtimeOf(name, withRuntime);
    summary[name] = {
      runtime_mae_s: onCommon.mae_s,
      runtime_mdape: onCommon.mdape,
      runtime_under_rate: onCommon.under_rate,
      runtime_jobs: onCommon.jobs,
      runtime_unanswered: withRuntime.length - allAnswered.jobs,
      runtime_all_answered: allAnswered,
    };
  }
  const withWait = rows.filter((row) => row.actualWaitSeconds !== null);
  summary.soamc = {
    ...summary.soamc,
    queue_coverage: boundCoverage(
      withWait.map((row) => ({ bound: row.soamcQueueMaxSeconds, actual: row.actualWaitSeconds as number })),
    ),
    queue_jobs: withWait.length,
    queue_unanswered: 0,
    queue_bound_median_s: medianOrNull(withWait.map((row) => row.soamcQueueMaxSeconds)),
    queue_rule: "SOAMC's `max` over the jobs queued at submission, processor-weighted, nodes = the trace's processors",
  };
  const bounded = withWait.filter((row) => row.jobcastWaitBound !== null);
  const levels: Record<string, number> = {};
  for (const row of rows) {
    const level = row.jobcast?.level ?? 'none';
    levels[level] = (levels[level] ?? 0) + 1;
  }
  summary.jobcast = {
    ...summary.jobcast,
    queue_coverage: boundCoverage(
      bounded.map((row) => ({ bound: row.jobcastWaitBound?.boundSeconds as number, actual: row.actualWaitSeconds as number })),
    ),
    queue_level: queueLevel,
    queue_confidence: queueConfidence,
    queue_jobs: bounded.length,
    queue_unanswered: withWait.length - bounded.length,
    queue_bound_median_s: medianOrNull(bounded.map((row) => row.jobcastWaitBound?.boundSeconds as number)),
    queue_rule: 'QBETS-style upper bound on the wait quantile `queue_level` at confidence `queue_confidence`',
    runtime_levels: levels,
    runtime_p90_coverage: boundCoverage(
      withRuntime
        .filter((row) => row.jobcast !== null)
        .map((row) => ({ bound: row.jobcast?.p90 as number, actual: row.actualRuntimeSeconds as number })),
    ),
  };
  return summary;
}

const medianOrNull = (values: number[]): number | null => (values.length === 0 ? null : median(values));
