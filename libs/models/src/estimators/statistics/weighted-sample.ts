/** Statistics of a sample whose values carry weights (e.g. recency weights). */
export interface WeightedSummary {
  mean: number;
  stdev: number;
  p50: number;
  p90: number;
  p99: number;
}

/**
 * Weighted mean, standard deviation and quantiles. A quantile is the smallest value whose cumulative weight
 * reaches that share of the total, so every answer is a value that was actually observed.
 */
export function summariseWeighted(values: readonly number[], weights: readonly number[]): WeightedSummary {
  if (values.length === 0) throw new RangeError('summary of an empty sample');
  if (values.length !== weights.length) throw new RangeError('values and weights differ in length');
  const order = values.map((_, index) => index).sort((a, b) => values[a] - values[b]);
  let total = 0;
  let weightedSum = 0;
  for (let index = 0; index < values.length; index++) {
    total += weights[index];
    weightedSum += weights[index] * values[index];
  }
  const average = weightedSum / total;
  let squares = 0;
  for (let index = 0; index < values.length; index++) squares += weights[index] * (values[index] - average) ** 2;
  const quantile = (share: number): number => {
    let cumulative = 0;
    for (const index of order) {
      cumulative += weights[index];
      if (cumulative >= share * total) return values[index];
    }
    return values[order[order.length - 1]];
  };
  return { mean: average, stdev: Math.sqrt(squares / total), p50: quantile(0.5), p90: quantile(0.9), p99: quantile(0.99) };
}
