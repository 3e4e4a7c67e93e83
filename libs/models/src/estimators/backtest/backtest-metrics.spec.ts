import { boundCoverage, runtimeErrorMetrics } from './backtest-metrics';

describe('backtest metrics', () => {
  it('computes MAE, median absolute percentage error and the underestimation rate', () => {
    expect(
      runtimeErrorMetrics([
        { predicted: 50, actual: 100 },
        { predicted: 300, actual: 200 },
        { predicted: 10, actual: 10 },
      ]),
    ).toEqual({ jobs: 3, mae_s: 50, mdape: 0.5, under_rate: 1 / 3 });
  });

  it('floors the percentage denominator at one second', () => {
    expect(runtimeErrorMetrics([{ predicted: 5, actual: 0 }]).mdape).toBe(5);
  });

  it('reports nothing rather than zero for no jobs', () => {
    expect(runtimeErrorMetrics([])).toEqual({ jobs: 0, mae_s: null, mdape: null, under_rate: null });
    expect(boundCoverage([])).toBeNull();
  });

  it('counts a wait equal to its bound as covered', () => {
    expect(boundCoverage([{ bound: 10, actual: 10 }, { bound: 10, actual: 11 }])).toBe(0.5);
  });
});
