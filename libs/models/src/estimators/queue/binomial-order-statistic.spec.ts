import { minimumSampleSize, upperBoundRank } from './binomial-order-statistic';

/** P(Bin(n, q) ≤ k) by direct summation, for checking on small n. */
function binomialCdf(n: number, q: number, k: number): number {
  let total = 0;
  for (let j = 0; j <= k; j++) {
    let choose = 1;
    for (let i = 1; i <= j; i++) choose = (choose * (n - j + i)) / i;
    total += choose * q ** j * (1 - q) ** (n - j);
  }
  return total;
}

describe('upperBoundRank', () => {
  it('needs 59 waits to bound the 95th percentile at 95 % confidence', () => {
    expect(minimumSampleSize(0.95, 0.95)).toBe(59);
    expect(upperBoundRank(58, 0.95, 0.95)).toBeNull();
    // with 59 waits only the largest will do: 1 − 0.95^59 = 0.9515
    expect(upperBoundRank(59, 0.95, 0.95)).toBe(59);
  });

  it('picks the smallest rank whose binomial confidence reaches the level', () => {
    for (const [n, q, c] of [
      [20, 0.5, 0.9],
      [100, 0.95, 0.95],
      [30, 0.8, 0.99],
    ]) {
      const rank = upperBoundRank(n, q, c) as number;
      expect(binomialCdf(n, q, rank - 1)).toBeGreaterThanOrEqual(c);
      expect(binomialCdf(n, q, rank - 2)).toBeLessThan(c);
    }
  });

  it('handles windows large enough to underflow naive powers', () => {
    const rank = upperBoundRank(2000, 0.95, 0.95) as number;
    // the 95th percentile of 2000 is near rank 1900; the confident bound sits a little above it
    expect(rank).toBeGreaterThan(1900);
    expect(rank).toBeLessThan(1930);
  });

  it('rejects levels outside (0, 1) and impossible sizes', () => {
    expect(() => upperBoundRank(10, 1, 0.9)).toThrow(/quantile/);
    expect(() => upperBoundRank(10, 0.9, 0)).toThrow(/confidence/);
    expect(() => upperBoundRank(-1, 0.9, 0.9)).toThrow(/sample size/);
  });
});
