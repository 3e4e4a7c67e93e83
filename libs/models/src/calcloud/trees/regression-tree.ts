import type { FeatureBins } from './feature-bins';

/** A fitted tree in flat arrays; leaves have feature −1. Serialisable as JSON. */
export interface RegressionTree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

export interface TreeGrowthOptions {
  maxDepth: number;
  /** minimum hessian sum in a leaf (the row count for squared loss) */
  minChildWeight: number;
  /** L2 penalty on leaf values */
  lambda: number;
}

/**
 * Grows one second-order (XGBoost-style) tree on gradients/hessians over pre-binned rows, depth first.
 * Leaf value = −G / (H + λ); a split is kept only when it improves the regularised objective.
 */
export function growTree(
  binned: Uint8Array,
  bins: FeatureBins,
  gradients: Float64Array,
  hessians: Float64Array,
  rowsInTree: Int32Array,
  options: TreeGrowthOptions,
): RegressionTree {
  const features = bins.thresholds.length;
  const tree: RegressionTree = { feature: [], threshold: [], left: [], right: [], value: [] };
  const maxBins = Math.max(...bins.thresholds.map((t) => t.length)) + 1;
  const gradHist = new Float64Array(features * maxBins);
  const hessHist = new Float64Array(features * maxBins);

  const grow = (rows: Int32Array, depth: number): number => {
    let g = 0;
    let h = 0;
    for (let i = 0; i < rows.length; i++) {
      g += gradients[rows[i]];
      h += hessians[rows[i]];
    }
    const node = tree.feature.length;
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(-g / (h + options.lambda));
    if (depth >= options.maxDepth || h < 2 * options.minChildWeight) return node;

    gradHist.fill(0);
    hessHist.fill(0);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const base = r * features;
      const gr = gradients[r];
      const hr = hessians[r];
      for (let f = 0; f < features; f++) {
        const slot = f * maxBins + binned[base + f];
        gradHist[slot] += gr;
        hessHist[slot] += hr;
      }
    }
    const parentScore = (g * g) / (h + options.lambda);
    let bestGain = 1e-9;
    let bestFeature = -1;
    let bestBin = -1;
    for (let f = 0; f < features; f++) {
      let gl = 0;
      let hl = 0;
      const cuts = bins.thresholds[f].length;
      for (let b = 0; b < cuts; b++) {
        gl += gradHist[f * maxBins + b];
        hl += hessHist[f * maxBins + b];
        const hr = h - hl;
        if (hl < options.minChildWeight || hr < options.minChildWeight) continue;
        const gr = g - gl;
        const gain = (gl * gl) / (hl + options.lambda) + (gr * gr) / (hr + options.lambda) - parentScore;
        if (gain > bestGain) {
          bestGain = gain;
          bestFeature = f;
          bestBin = b;
        }
      }
    }
    if (bestFeature < 0) return node;
    let leftCount = 0;
    for (let i = 0; i < rows.length; i++) if (binned[rows[i] * features + bestFeature] <= bestBin) leftCount++;
    const leftRows = new Int32Array(leftCount);
    const rightRows = new Int32Array(rows.length - leftCount);
    let li = 0;
    let ri = 0;
    for (let i = 0; i < rows.length; i++) {
      if (binned[rows[i] * features + bestFeature] <= bestBin) leftRows[li++] = rows[i];
      else rightRows[ri++] = rows[i];
    }
    tree.feature[node] = bestFeature;
    tree.threshold[node] = bins.thresholds[bestFeature][bestBin];
    tree.left[node] = grow(leftRows, depth + 1);
    tree.right[node] = grow(rightRows, depth + 1);
    return node;
  };
  grow(rowsInTree, 0);
  return tree;
}

/** Value of the leaf `x` (one row of `features` values starting at `offset`) falls in. */
export function evaluateTree(tree: RegressionTree, x: ArrayLike<number>, offset: number): number {
  let node = 0;
  while (tree.feature[node] >= 0) {
    node = x[offset + tree.feature[node]] <= tree.threshold[node] ? tree.left[node] : tree.right[node];
  }
  return tree.value[node];
}
