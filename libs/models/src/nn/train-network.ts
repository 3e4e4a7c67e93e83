import * as tf from '@tensorflow/tfjs';
import { seededRandom, shuffledIndices } from '../random/seeded-random';

export interface NetworkTrainingOptions {
  epochs: number;
  batchSize: number;
  /** stop after this many epochs without a better validation loss, then restore the best weights */
  patience: number;
  seed: number;
  onEpoch?: (epoch: number, loss: number, valLoss: number) => void;
}

export interface TrainingHistory {
  loss: number[];
  val_loss: number[];
  best_epoch: number;
}

/**
 * Trains with our own seeded shuffle each epoch (tfjs shuffles with Math.random, which cannot be seeded) and early
 * stopping on the validation set, keeping the weights of the best validation epoch.
 */
export async function trainNetwork(
  model: tf.LayersModel,
  train: { x: Float32Array; y: Float32Array; rows: number },
  validation: { x: Float32Array; y: Float32Array; rows: number },
  options: NetworkTrainingOptions,
): Promise<TrainingHistory> {
  const inputWidth = train.x.length / train.rows;
  const outputWidth = train.y.length / train.rows;
  const random = seededRandom(options.seed);
  const xVal = tf.tensor2d(validation.x, [validation.rows, inputWidth]);
  const yVal = tf.tensor2d(validation.y, [validation.rows, outputWidth]);
  const history: TrainingHistory = { loss: [], val_loss: [], best_epoch: 0 };
  let best = Number.POSITIVE_INFINITY;
  let bestWeights: tf.Tensor[] | undefined;
  let sinceBest = 0;
  try {
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      const order = shuffledIndices(train.rows, random);
      const x = gatherRows(train.x, inputWidth, order);
      const y = gatherRows(train.y, outputWidth, order);
      const xs = tf.tensor2d(x, [train.rows, inputWidth]);
      const ys = tf.tensor2d(y, [train.rows, outputWidth]);
      const fit = await model.fit(xs, ys, { epochs: 1, batchSize: options.batchSize, shuffle: false, verbose: 0 });
      tf.dispose([xs, ys]);
      const loss = Number(fit.history['loss'][0]);
      const valLoss = tf.tidy(() => (model.evaluate(xVal, yVal, { batchSize: 8192 }) as tf.Scalar).dataSync()[0]);
      history.loss.push(loss);
      history.val_loss.push(valLoss);
      options.onEpoch?.(epoch, loss, valLoss);
      if (valLoss < best) {
        best = valLoss;
        history.best_epoch = epoch;
        tf.dispose(bestWeights ?? []);
        bestWeights = model.getWeights().map((w) => w.clone());
        sinceBest = 0;
      } else if (++sinceBest >= options.patience) break;
    }
    if (bestWeights) model.setWeights(bestWeights);
  } finally {
    tf.dispose([xVal, yVal, ...(bestWeights ?? [])]);
  }
  return history;
}

function gatherRows(source: Float32Array, width: number, order: number[]): Float32Array {
  const out = new Float32Array(order.length * width);
  order.forEach((row, i) => out.set(source.subarray(row * width, row * width + width), i * width));
  return out;
}
