import { SplitConfig, splitRows } from './splitter';

describe('splitter', () => {
  const times = [50, 10, 40, 20, 30, 60, 70, 80, 90, 100];

  it('time-ordered holdout tests on the newest rows', () => {
    const [fold] = splitRows(SplitConfig.parse({ kind: 'holdout', testFraction: 0.2 }), times);
    expect(fold.test.map((index) => times[index])).toEqual([90, 100]);
    expect(fold.train).toHaveLength(8);
  });

  it('k-fold covers every row exactly once as test', () => {
    const folds = splitRows(SplitConfig.parse({ kind: 'kfold', folds: 3 }), times);
    expect(folds.flatMap((fold) => fold.test).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const fold of folds) expect(fold.train.length + fold.test.length).toBe(10);
  });

  it('refuses too few rows with a clear reason', () => {
    expect(() => splitRows(SplitConfig.parse({ kind: 'kfold', folds: 5 }), [1, 2])).toThrow('at least 5 rows');
  });
});
