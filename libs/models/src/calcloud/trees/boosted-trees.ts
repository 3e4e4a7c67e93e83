import { seededRandom } from '../../random/seeded-random';
import { binRows, fitFeatureBins } from './feature-bins';
import { evaluateTree, growTree, RegressionTree, TreeGrowthOptions } from './regression-tree';

export type BoostingObjective = 'squared_error' | 'softmax';

export interface BoostingOptions extends TreeGrowthOptions {
  objective: BoostingObjective;
  /** number of classes for softmax; 1 for regression */
  outputs: number;
  rounds: number;
  learningRate: number;
  /** stop after this many rounds without a better validation loss; the model keeps the best round */
  patience: number;
  /** share of training rows each tree is grown on, drawn afresh every round (1: all rows) */
  subsample: number;
  seed: number;
  onRound?: (round: number, loss: number, valLoss: number) => void;
}

/** A fitted gradient-boosted ensemble; plain JSON so it saves beside the networks. */
export interface BoostedTrees {
  objective: BoostingObjective;
  features: number;
  baseScore: number[];
  learningRate: number;
  /** trees[round][output] */
  trees: RegressionTree[][];
}

export interface BoostingHistory {
  loss: number[];
  val_loss: number[];
  best_epoch: number;
}

interface Matrix {
  x: Float32Array;
  rows: number;
}

/** Second-order gradient boosting on histogram bins (squared error or multinomial log-loss). */
export function trainBoostedTrees(
  train: Matrix & { y: Float32Array },
  validation: Matrix & { y: Float32Array },
  features: number,
  options: BoostingOptions,
): { model: BoostedTrees; history: BoostingHistory } {
  const k = options.outputs;
  const bins = fitFeatureBins(train.x, train.rows, features);
  const binned = binRows(bins, train.x, train.rows);
  const baseScore = initialScore(train.y, train.rows, options.objective, k);
  const scores = new Float64Array(train.rows * k);
  const valScores = new Float64Array(validation.rows * k);
  for (let r = 0; r < train.rows; r++) for (let c = 0; c < k; c++) scores[r * k + c] = baseScore[c];
  for (let r = 0; r < validation.rows; r++) for (let c = 0; c < k; c++) valScores[r * k + c] = baseScore[c];
  const model: BoostedTrees = { objective: options.objective, features, baseScore, learningRate: options.learningRate, trees: [] };
  const history: BoostingHistory = { loss: [], val_loss: [], best_epoch: 0 };
  const allRows = Int32Array.from({ length: train.rows }, (_, i) => i);
  const random = seededRandom(options.seed);
  const sampledRows = () => (options.subsample >= 1 ? allRows : allRows.filter(() => random() < options.subsample));
  const gradients = new Float64Array(train.rows);
  const hessians = new Float64Array(train.rows);
  const probabilities = new Float64Array(train.rows * k);
  let best = Number.POSITIVE_INFINITY;
  let sinceBest = 0;

  for (let round = 0; round < options.rounds; round++) {
    if (options.objective === 'softmax') softmaxRows(scores, train.rows, k, probabilities);
    const roundTrees: RegressionTree[] = [];
    const rows = sampledRows();
    for (let c = 0; c < k; c++) {
      for (let r = 0; r < train.rows; r++) {
        if (options.objective === 'softmax') {
          const p = probabilities[r * k + c];
          gradients[r] = p - (train.y[r] === c ? 1 : 0);
          hessians[r] = Math.max(p * (1 - p), 1e-6);
        } else {
          gradients[r] = scores[r] - train.y[r];
          hessians[r] = 1;
        }
      }
      const tree = growTree(binned, bins, gradients, hessians, rows, options);
      tree.value = tree.value.map((v) => v * options.learningRate);
      roundTrees.push(tree);
      for (let r = 0; r < train.rows; r++) scores[r * k + c] += evaluateTree(tree, train.x, r * features);
      for (let r = 0; r < validation.rows; r++) valScores[r * k + c] += evaluateTree(tree, validation.x, r * features);
    }
    model.trees.push(roundTrees);
    const loss = objectiveLoss(scores, train.y, train.rows, options.objective, k);
    const valLoss = objectiveLoss(valScores, validation.y, validation.rows, options.objective, k);
    history.loss.push(loss);
    history.val_loss.push(valLoss);
    options.onRound?.(round, loss, valLoss);
    if (valLoss < best - 1e-12) {
      best = valLoss;
      history.best_epoch = round;
      sinceBest = 0;
    } else if (++sinceBest >= options.patience) break;
  }
  model.trees = model.trees.slice(0, history.best_epoch + 1);
  return { model, history };
}

/** Raw scores (regression values, or class probabilities for softmax), row-major `rows × outputs`. */
export function predictBoostedTrees(model: BoostedTrees, x: Float32Array, rows: number): Float32Array {
  const k = model.baseScore.length;
  const scores = new Float64Array(rows * k);
  for (let r = 0; r < rows; r++) {
    const offset = r * model.features;
    for (let c = 0; c < k; c++) {
      let score = model.baseScore[c];
      for (const round of model.trees) score += evaluateTree(round[c], x, offset);
      scores[r * k + c] = score;
    }
  }
  if (model.objective === 'softmax') {
    const probabilities = new Float64Array(rows * k);
    softmaxRows(scores, rows, k, probabilities);
    return Float32Array.from(probabilities);
  }
  return Float32Array.from(scores);
}

function initialScore(y: Float32Array, rows: number, objective: BoostingObjective, k: number): number[] {
  if (objective === 'squared_error') {
    let sum = 0;
    for (let r = 0; r < rows; r++) sum += y[r];
    return [sum / rows];
  }
  const counts = new Array<number>(k).fill(1);
  for (let r = 0; r < rows; r++) counts[y[r]]++;
  return counts.map((c) => Math.log(c / (rows + k)));
}

function softmaxRows(scores: Float64Array, rows: number, k: number, out: Float64Array): void {
  for (let r = 0; r < rows; r++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < k; c++) max = Math.max(max, scores[r * k + c]);
    let sum = 0;
    for (let c = 0; c < k; c++) sum += out[r * k + c] = Math.exp(scores[r * k + c] - max);
    for (let c = 0; c < k; c++) out[r * k + c] /= sum;
  }
}

function objectiveLoss(scores: Float64Array, y: Float32Array, rows: number, objective: BoostingObjective, k: number): number {
  let total = 0;
  for (let r = 0; r < rows; r++) {
    if (objective === 'squared_error') total += (scores[r] - y[r]) ** 2;
    else {
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) max = Math.max(max, scores[r * k + c]);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += Math.exp(scores[r * k + c] - max);
      total += Math.log(sum) + max - scores[r * k + y[r]];
    }
  }
  return total / rows;
}
