/** One-vs-rest ROC curve and its area, per class (spacekit's `roc_auc`). */
export interface RocCurve {
  auc: number;
  fpr: number[];
  tpr: number[];
}

/** Scores for the positive class and whether each row is positive; ties are handled as one threshold step. */
export function rocCurve(scores: ArrayLike<number>, positive: ArrayLike<boolean>): RocCurve {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const positives = order.filter((i) => positive[i]).length;
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return { auc: Number.NaN, fpr: [0, 1], tpr: [0, 1] };
  const fpr = [0];
  const tpr = [0];
  let tp = 0;
  let fp = 0;
  let auc = 0;
  for (let k = 0; k < order.length; k++) {
    if (positive[order[k]]) tp++;
    else fp++;
    if (k + 1 < order.length && scores[order[k + 1]] === scores[order[k]]) continue;
    const x = fp / negatives;
    const y = tp / positives;
    auc += ((x - fpr[fpr.length - 1]) * (y + tpr[tpr.length - 1])) / 2;
    fpr.push(x);
    tpr.push(y);
  }
  return { auc, fpr, tpr };
}

export function rocPerClass(probabilities: ArrayLike<number>, truth: ArrayLike<number>, classes: number): RocCurve[] {
  return Array.from({ length: classes }, (_, c) => {
    const scores = Array.from({ length: truth.length }, (_, r) => probabilities[r * classes + c]);
    return rocCurve(scores, Array.from(truth, (t) => t === c));
  });
}
