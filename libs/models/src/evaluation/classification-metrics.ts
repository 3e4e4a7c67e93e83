/** Classifier scores in the spacekit vocabulary: accuracy, confusion matrices, per-class report. */
export interface ClassReport {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationMetrics {
  accuracy: number;
  /** rows = true class, columns = predicted class */
  confusion: number[][];
  /** each row divided by its total (recall per cell) */
  confusionNormalised: number[][];
  report: ClassReport[];
}

export function argmaxRows(probabilities: ArrayLike<number>, rows: number, classes: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < classes; c++) if (probabilities[r * classes + c] > probabilities[r * classes + best]) best = c;
    out.push(best);
  }
  return out;
}

export function classificationMetrics(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): ClassificationMetrics {
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  let correct = 0;
  for (let i = 0; i < truth.length; i++) {
    confusion[truth[i]][predicted[i]]++;
    if (truth[i] === predicted[i]) correct++;
  }
  const report = confusion.map((row, c) => {
    const support = row.reduce((a, b) => a + b, 0);
    const predictedAs = confusion.reduce((sum, r) => sum + r[c], 0);
    const precision = predictedAs === 0 ? 0 : row[c] / predictedAs;
    const recall = support === 0 ? 0 : row[c] / support;
    return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), support };
  });
  const confusionNormalised = confusion.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((cell) => (total === 0 ? 0 : cell / total));
  });
  return { accuracy: truth.length === 0 ? 0 : correct / truth.length, confusion, confusionNormalised, report };
}
