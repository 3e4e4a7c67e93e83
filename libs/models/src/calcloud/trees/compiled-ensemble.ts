import type { BoostedTrees } from './boosted-trees';

/**
 * A boosted ensemble packed into typed arrays for batched inference: every tree of every output in one node table,
 * evaluated tree by tree over the whole batch so the node arrays stay in cache.
 */
export class CompiledEnsemble {
  /** per node, interleaved for locality: split feature (−1 for a leaf), left child, right child */
  private readonly links: Int32Array;
  private readonly threshold: Float64Array;
  private readonly value: Float32Array;
  /** per tree: its root's index in the node table and the output it adds to */
  private readonly roots: Int32Array;
  private readonly outputOf: Int32Array;

  constructor(private readonly model: BoostedTrees) {
    const trees = model.trees.flatMap((round) => round.map((tree, output) => ({ tree, output })));
    const nodes = trees.reduce((n, { tree }) => n + tree.feature.length, 0);
    this.links = new Int32Array(nodes * 3);
    this.threshold = new Float64Array(nodes);
    this.value = new Float32Array(nodes);
    this.roots = new Int32Array(trees.length);
    this.outputOf = new Int32Array(trees.length);
    let base = 0;
    trees.forEach(({ tree, output }, t) => {
      this.roots[t] = base;
      this.outputOf[t] = output;
      for (let n = 0; n < tree.feature.length; n++) {
        this.links[(base + n) * 3] = tree.feature[n];
        this.links[(base + n) * 3 + 1] = base + tree.left[n];
        this.links[(base + n) * 3 + 2] = base + tree.right[n];
        this.threshold[base + n] = tree.threshold[n];
        this.value[base + n] = tree.value[n];
      }
      base += tree.feature.length;
    });
  }

  get outputs(): number {
    return this.model.baseScore.length;
  }

  /** Regression values, or class probabilities for softmax; row-major `rows × outputs`. */
  predict(x: Float32Array, rows: number): Float32Array {
    const k = this.outputs;
    const width = this.model.features;
    const scores = new Float32Array(rows * k);
    for (let r = 0; r < rows; r++) for (let c = 0; c < k; c++) scores[r * k + c] = this.model.baseScore[c];
    const { links, threshold, value } = this;
    for (let t = 0; t < this.roots.length; t++) {
      const root = this.roots[t];
      const output = this.outputOf[t];
      for (let r = 0, offset = 0; r < rows; r++, offset += width) {
        let node = root;
        let feature = links[node * 3];
        while (feature >= 0) {
          node = x[offset + feature] <= threshold[node] ? links[node * 3 + 1] : links[node * 3 + 2];
          feature = links[node * 3];
        }
        scores[r * k + output] += value[node];
      }
    }
    if (this.model.objective === 'softmax') softmaxInPlace(scores, rows, k);
    return scores;
  }
}

function softmaxInPlace(scores: Float32Array, rows: number, k: number): void {
  for (let r = 0; r < rows; r++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < k; c++) max = Math.max(max, scores[r * k + c]);
    let sum = 0;
    for (let c = 0; c < k; c++) sum += scores[r * k + c] = Math.exp(scores[r * k + c] - max);
    for (let c = 0; c < k; c++) scores[r * k + c] /= sum;
  }
}
