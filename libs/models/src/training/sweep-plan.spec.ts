import { pickBest, planSweep, SweepSpec } from './sweep-plan';
import { formatMetricLine, parseMetricLines } from './metric-line';

describe('sweep plan', () => {
  it('autonames grid runs and keeps fixed arguments out of the names', () => {
    const runs = planSweep(SweepSpec.parse({ grid: { learning_rate: [1, 2], network_size: [[10], [10, 5]] }, fixed: { epochs: 3 } }));
    expect(runs.map((run) => run.name)).toEqual(['LR1-NS10', 'LR1-NS10-5', 'LR2-NS10', 'LR2-NS10-5']);
    expect(runs[3].params).toEqual({ epochs: 3, learning_rate: 2, network_size: [10, 5] });
  });

  it('needs a sample count for random search', () => {
    expect(() => planSweep(SweepSpec.parse({ grid: { a: [1, 2] }, search: 'random' }))).toThrow('samples');
  });

  it('picks the best run in the metric direction', () => {
    const runs = [{ name: 'a', value: 0.9 }, { name: 'b', value: 0.7 }, { name: 'c', value: null }];
    expect(pickBest(runs, { name: 'accuracy', direction: 'maximize' })?.name).toBe('a');
    expect(pickBest(runs, { name: 'rmse', direction: 'minimize' })?.name).toBe('b');
  });

  it('round-trips metric lines', () => {
    const log = ['noise', formatMetricLine('accuracy_test', 0.97), formatMetricLine('rmse_test', 12.5)].join('\n');
    expect(parseMetricLines(log)).toEqual({ accuracy_test: 0.97, rmse_test: 12.5 });
  });
});
