import * as tf from '@tensorflow/tfjs';
import { seededRandom, shuffledIndices } from '../random/seeded-random';
import { FlatDenseNetwork } from './flat-dense-network';

export interface NetworkTrainingOptions {
  epochs: number;
  batchSize: number;
  /** Adam's step size (Keras' defaults otherwise: β 0.9 / 0.999, ε 1e-7) */
  learningRate: number;
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

interface Matrix {
  x: Float32Array;
  y: Float32Array;
  rows: number;
}

/**
 * Mini-batch Adam with Keras' `fit` semantics — a seeded shuffle each epoch (tfjs shuffles with Math.random), the
 * epoch loss as the mean of its batch losses, early stopping on the validation loss keeping the best weights — in our
 * own loop: tfjs-layers' `fit` costs several milliseconds of bookkeeping per batch, more than these networks compute.
 */
export async function trainNetwork(model: tf.LayersModel, train: Matrix, validation: Matrix, options: NetworkTrainingOptions): Promise<TrainingHistory> {
  const inputWidth = train.x.length / train.rows;
  const outputWidth = train.y.length / train.rows;
  const random = seededRandom(options.seed);
  const network = new FlatDenseNetwork(model);
  const optimizer = tf.train.adam(options.learningRate, 0.9, 0.999, 1e-7);
  const xVal = tf.tensor2d(validation.x, [validation.rows, inputWidth]);
  const yVal = tf.tensor2d(validation.y, [validation.rows, outputWidth]);
  const history: TrainingHistory = { loss: [], val_loss: [], best_epoch: 0 };
  let best = Number.POSITIVE_INFINITY;
  let bestParameters: tf.Tensor | undefined;
  let sinceBest = 0;
  try {
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      const batches = shuffledBatches(train, inputWidth, outputWidth, options.batchSize, shuffledIndices(train.rows, random));
      const weightedLosses: tf.Scalar[] = [];
      for (const batch of batches) {
        const cost = optimizer.minimize(() => network.loss(batch.x, batch.y), true, [network.parameters]) as tf.Scalar;
        weightedLosses.push(tf.tidy(() => cost.mul(batch.x.shape[0])));
        tf.dispose([cost, batch.x, batch.y]);
      }
      const loss = tf.tidy(() => tf.addN(weightedLosses).dataSync()[0]) / train.rows;
      tf.dispose(weightedLosses);
      const valLoss = tf.tidy(() => network.loss(xVal, yVal).dataSync()[0]);
      history.loss.push(loss);
      history.val_loss.push(valLoss);
      options.onEpoch?.(epoch, loss, valLoss);
      if (valLoss < best) {
        best = valLoss;
        history.best_epoch = epoch;
        bestParameters?.dispose();
        bestParameters = network.parameters.clone();
        sinceBest = 0;
      } else if (++sinceBest >= options.patience) break;
      await tf.nextFrame(); // lets timers and signals run between epochs
    }
    network.writeTo(bestParameters ?? network.parameters);
  } finally {
    tf.dispose([xVal, yVal, ...(bestParameters ? [bestParameters] : [])]);
    optimizer.dispose();
    network.dispose();
  }
  return history;
}

/** This epoch's batches in shuffled order, each made straight from the gathered rows (the caller disposes them). */
function* shuffledBatches(data: Matrix, inputWidth: number, outputWidth: number, batchSize: number, order: number[]): Generator<{ x: tf.Tensor2D; y: tf.Tensor2D }> {
  const x = gatherRows(data.x, inputWidth, order);
  const y = gatherRows(data.y, outputWidth, order);
  for (let start = 0; start < data.rows; start += batchSize) {
    const rows = Math.min(batchSize, data.rows - start);
    yield {
      x: tf.tensor2d(x.subarray(start * inputWidth, (start + rows) * inputWidth), [rows, inputWidth]),
      y: tf.tensor2d(y.subarray(start * outputWidth, (start + rows) * outputWidth), [rows, outputWidth]),
    };
  }
}

function gatherRows(source: Float32Array, width: number, order: number[]): Float32Array {
  const out = new Float32Array(order.length * width);
  order.forEach((row, i) => out.set(source.subarray(row * width, row * width + width), i * width));
  return out;
}
