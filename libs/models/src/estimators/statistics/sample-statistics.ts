/**
 * Plain sample statistics with numpy's conventions (linear-interpolated percentiles, population standard
 * deviation), because SOAMC's rule is defined in those terms and must be reproduced exactly.
 */

/** The p-th percentile (0–100) of values already sorted ascending; linear interpolation between ranks. */
export function percentileOfSorted(sorted: readonly number[], percentile: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of an empty sample');
  const rank = ((sorted.length - 1) * percentile) / 100;
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
}

export function sortedAscending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

export function median(values: readonly number[]): number {
  return percentileOfSorted(sortedAscending(values), 50);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('mean of an empty sample');
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Population standard deviation (numpy's default, ddof = 0). */
export function standardDeviation(values: readonly number[]): number {
  const average = mean(values);
  let squares = 0;
  for (const value of values) squares += (value - average) ** 2;
  return Math.sqrt(squares / values.length);
}
