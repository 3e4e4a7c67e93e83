import { summariseWeighted } from './weighted-sample';
import { median, percentileOfSorted, standardDeviation } from './sample-statistics';

describe('summariseWeighted', () => {
  it('equals the plain statistics with equal weights, quantiles being observed values', () => {
    const summary = summariseWeighted([4, 1, 3, 2], [1, 1, 1, 1]);
    expect(summary).toEqual({ mean: 2.5, stdev: standardDeviation([1, 2, 3, 4]), p50: 2, p90: 4, p99: 4 });
  });

  it('moves quantiles toward heavily weighted values', () => {
    expect(summariseWeighted([10, 1000], [1, 3]).p50).toBe(1000);
    expect(summariseWeighted([10, 1000], [3, 1]).p50).toBe(10);
  });

  it('refuses an empty sample or mismatched weights', () => {
    expect(() => summariseWeighted([], [])).toThrow(/empty/);
    expect(() => summariseWeighted([1], [1, 2])).toThrow(/length/);
  });
});

describe('numpy-convention statistics', () => {
  it('interpolates percentiles linearly between ranks', () => {
    expect(percentileOfSorted([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentileOfSorted([0, 10], 90)).toBe(9);
    expect(median([5, 1, 3])).toBe(3);
  });
});
