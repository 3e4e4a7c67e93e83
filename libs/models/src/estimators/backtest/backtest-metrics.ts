import { median } from '../statistics';

export interface RuntimeErrorMetrics {
  jobs: number;
  /** mean absolute error, seconds */
  mae_s: number | null;
  /** median absolute percentage error, as a fraction (0.5 = 50 %) */
  mdape: number | null;
  /** share of jobs whose runtime was underestimated */
  under_rate: number | null;
}

/**
 * Error of runtime predictions against actual runtimes. The percentage error divides by the actual runtime,
 * floored at one second so that jobs that ran for 0 s do not divide by zero.
 */
export function runtimeErrorMetrics(pairs: ReadonlyArray<{ predicted: number; actual: number }>): RuntimeErrorMetrics {
  if (pairs.length === 0) return { jobs: 0, mae_s: null, mdape: null, under_rate: null };
  let absolute = 0;
  let under = 0;
  const percentages: number[] = [];
  for (const { predicted, actual } of pairs) {
    const error = Math.abs(predicted - actual);
    absolute += error;
    percentages.push(error / Math.max(actual, 1));
    if (predicted < actual) under++;
  }
  return {
    jobs: pairs.length,
    mae_s: absolute / pairs.length,
    mdape: median(percentages),
    under_rate: under / pairs.length,
  };
}

/** Share of waits at or below their bound. */
export function boundCoverage(pairs: ReadonlyArray<{ bound: number; actual: number }>): number | null {
  if (pairs.length === 0) return null;
  return pairs.filter(({ bound, actual }) => actual <= bound).length / pairs.length;
}
