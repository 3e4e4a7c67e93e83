import { loadPriceTable } from '../pricing';
import { fitKillTime, killTimeSeconds } from './calcloud-kill-time';
import { binHourlyRates, CostAwareBinChooser, expectedBinCosts } from './cost-aware-bin';
import { binProbabilitiesFromRegression, fitMemoryResiduals } from './memory-bin-risk';

describe('kill time', () => {
  it('covers the stated share of held-out jobs and clamps to [60 s, 48 h]', () => {
    const predicted = Array.from({ length: 2000 }, (_, i) => 100 + (i % 400) * 10);
    const actual = predicted.map((p, i) => p * (0.5 + ((i * 7919) % 1000) / 500));
    const model = fitKillTime(predicted, actual, 0.99);
    const covered = predicted.filter((p, i) => killTimeSeconds(model, p) >= actual[i]).length / predicted.length;
    expect(covered).toBeGreaterThanOrEqual(0.99);
    expect(killTimeSeconds(model, 1)).toBe(60);
    expect(killTimeSeconds(model, 10 * 24 * 3600)).toBe(48 * 3600);
  });
});

describe('cost-aware memory bin', () => {
  const rates = binHourlyRates(loadPriceTable());
  const penalty = { retryDelayUsdPerHour: 1, queueWaitHours: 0.25 };

  it('prices the ladder by each job’s share of its instance, cheapest first', () => {
    expect(rates).toHaveLength(4);
    expect([...rates].sort((a, b) => a - b)).toEqual(rates);
  });

  it('picks the argmax when the classifier is sure, and a safer bin when a failure is likely enough', () => {
    const chooser = new CostAwareBinChooser(rates, penalty);
    expect(chooser.cheapest([0.99, 0.01, 0, 0], 1)).toBe(0);
    expect(chooser.cheapest([0.6, 0.4, 0, 0], 1)).toBe(1);
    expect(chooser.cheapest([0.5, 0, 0, 0.5], 1)).toBe(3);
  });

  it('counts the failed run and the retry delay when starting too low', () => {
    const [start0] = expectedBinCosts([0, 1, 0, 0], 2, rates, penalty);
    expect(start0).toBeCloseTo(rates[0] * 2 + 1 * (2 + 0.25) + rates[1] * 2);
  });

  it('turns the memory regressor’s residual spread into bin probabilities', () => {
    const residuals = fitMemoryResiduals([1, 1, 1, 1], [0.5, 1, 1.5, 9]);
    const probabilities = binProbabilitiesFromRegression(residuals, 1);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(probabilities[0]).toBeGreaterThan(0.5);
    expect(probabilities[2]).toBeGreaterThan(0);
  });
});
