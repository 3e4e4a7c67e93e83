/**
 * Distribution-free upper confidence bounds on a quantile from order statistics (the QBETS construction).
 * With n independent waits, the k-th smallest exceeds the q-quantile unless at least k waits fall below it;
 * the count below is Binomial(n, q), so X(k) bounds the q-quantile with confidence P(Bin(n, q) ≤ k − 1).
 */

function checkLevels(quantile: number, confidence: number): void {
  if (!(quantile > 0 && quantile < 1)) throw new RangeError(`quantile must lie strictly between 0 and 1, got ${quantile}`);
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must lie strictly between 0 and 1, got ${confidence}`);
  }
}

/** The smallest 1-based k with P(Bin(n, q) ≤ k − 1) ≥ confidence, or null when even the maximum is not enough. */
export function upperBoundRank(n: number, quantile: number, confidence: number): number | null {
  checkLevels(quantile, confidence);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`sample size must be a whole number ≥ 0, got ${n}`);
  // Work in logs: (1 − q)^n underflows for the sample sizes used here.
  const logRatio = Math.log(quantile) - Math.log1p(-quantile);
  let logProbability = n * Math.log1p(-quantile);
  let cumulative = 0;
  for (let below = 0; below < n; below++) {
    cumulative += Math.exp(logProbability);
    if (cumulative >= confidence) return below + 1;
    logProbability += Math.log(n - below) - Math.log(below + 1) + logRatio;
  }
  return null;
}

/** The fewest samples for which a bound exists: 1 − q^n ≥ confidence (59 for q = c = 0.95). */
export function minimumSampleSize(quantile: number, confidence: number): number {
  checkLevels(quantile, confidence);
  return Math.ceil(Math.log1p(-confidence) / Math.log(quantile) - 1e-12);
}
