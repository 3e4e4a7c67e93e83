import { argmaxRows, classificationMetrics } from './classification-metrics';
import { regressionMetrics } from './regression-metrics';
import { rocCurve } from './roc-curve';

describe('evaluation', () => {
  it('computes accuracy, confusion matrices and the per-class report', () => {
    const m = classificationMetrics([0, 0, 1, 1, 2], [0, 1, 1, 1, 0], 3);
    expect(m.accuracy).toBeCloseTo(3 / 5);
    expect(m.confusion).toEqual([[1, 1, 0], [0, 2, 0], [1, 0, 0]]);
    expect(m.confusionNormalised[0]).toEqual([0.5, 0.5, 0]);
    expect(m.report[1]).toEqual({ precision: 2 / 3, recall: 1, f1: 0.8, support: 2 });
    expect(m.report[2]).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
  });

  it('takes the most probable class per row', () => {
    expect(argmaxRows([0.1, 0.9, 0.7, 0.3], 2, 2)).toEqual([1, 0]);
  });

  it('computes ROC-AUC with ties as one step', () => {
    expect(rocCurve([0.9, 0.8, 0.3, 0.1], [true, true, false, false]).auc).toBeCloseTo(1);
    expect(rocCurve([0.9, 0.8, 0.3, 0.1], [false, false, true, true]).auc).toBeCloseTo(0);
    expect(rocCurve([0.5, 0.5, 0.5, 0.5], [true, false, true, false]).auc).toBeCloseTo(0.5);
    expect(rocCurve([0.9, 0.4, 0.6, 0.1], [true, true, false, false]).auc).toBeCloseTo(0.75);
  });

  it('splits RMSE into over- and under-predictions', () => {
    const m = regressionMetrics([10, 10, 10, 10], [13, 7, 14, 10]);
    expect(m.rmse).toBeCloseTo(Math.sqrt((9 + 9 + 16) / 4));
    expect(m.rmseOver).toBeCloseTo(Math.sqrt((9 + 16) / 2));
    expect(m.rmseUnder).toBeCloseTo(3);
    expect([m.overCount, m.underCount]).toEqual([2, 1]);
  });
});
