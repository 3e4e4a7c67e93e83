/** Regressor scores as spacekit's `loss` file: RMSE overall and over the over- / under-predicted rows. */
export interface RegressionMetrics {
  rmse: number;
  mae: number;
  /** RMSE over rows predicted above the truth */
  rmseOver: number;
  /** RMSE over rows predicted below the truth */
  rmseUnder: number;
  overCount: number;
  underCount: number;
}

export function regressionMetrics(truth: ArrayLike<number>, predicted: ArrayLike<number>): RegressionMetrics {
  let se = 0;
  let ae = 0;
  let seOver = 0;
  let seUnder = 0;
  let overCount = 0;
  let underCount = 0;
  for (let i = 0; i < truth.length; i++) {
    const error = predicted[i] - truth[i];
    se += error * error;
    ae += Math.abs(error);
    if (error > 0) {
      seOver += error * error;
      overCount++;
    } else if (error < 0) {
      seUnder += error * error;
      underCount++;
    }
  }
  const n = Math.max(truth.length, 1);
  return {
    rmse: Math.sqrt(se / n),
    mae: ae / n,
    rmseOver: overCount === 0 ? 0 : Math.sqrt(seOver / overCount),
    rmseUnder: underCount === 0 ? 0 : Math.sqrt(seUnder / underCount),
    overCount,
    underCount,
  };
}
