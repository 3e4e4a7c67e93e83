import * as tf from '@tensorflow/tfjs';
import { seededRandom } from '../random/seeded-random';
import { buildDenseNetwork } from './dense-network';
import { FlatDenseNetwork } from './flat-dense-network';
import { initTfBackend } from './tf-backend';
import { trainNetwork } from './train-network';

const random = seededRandom(5);
const matrix = (rows: number, columns: number) => Float32Array.from({ length: rows * columns }, () => random() * 2 - 1);

describe('our network training loop', () => {
  beforeAll(() => initTfBackend());

  it('computes the layers model’s own forward pass, and autodiff’s gradients', () => {
    const model = buildDenseNetwork({ inputs: 3, hidden: [5, 4], outputs: 2, head: 'softmax', seed: 1 });
    const network = new FlatDenseNetwork(model);
    const x = tf.tensor2d(matrix(6, 3), [6, 3]);
    const y = tf.oneHot(tf.tensor1d([0, 1, 1, 0, 1, 0], 'int32'), 2).toFloat() as tf.Tensor2D;
    const ours = tf.softmax(network.logits(x)).arraySync() as number[][];
    const theirs = (model.predict(x) as tf.Tensor).arraySync() as number[][];
    ours.flat().forEach((p, i) => expect(p).toBeCloseTo(theirs.flat()[i], 5));

    // the same loss written with plain ops, differentiated by tfjs itself
    const [k1, b1, k2, b2, k3, b3] = model.getWeights();
    const plainLoss = (kernel: tf.Tensor) =>
      tf.losses.softmaxCrossEntropy(y, tf.relu(tf.relu(x.matMul(kernel).add(b1)).matMul(k2).add(b2)).matMul(k3).add(b3)) as tf.Scalar;
    const expected = tf.grad(plainLoss)(k1).dataSync();
    const gradient = tf.grad((parameters: tf.Tensor) => network.loss(x, y, parameters))(network.parameters).dataSync();
    expected.forEach((g, i) => expect(gradient[i]).toBeCloseTo(g, 5)); // the first kernel leads the flat vector
    network.dispose();
    model.dispose();
  });

  it('keeps the weights of the best validation epoch, early-stopped', async () => {
    const model = buildDenseNetwork({ inputs: 2, hidden: [8], outputs: 1, head: 'linear', seed: 3 });
    const x = matrix(200, 2);
    const y = Float32Array.from({ length: 200 }, (_, r) => x[2 * r] - 0.5 * x[2 * r + 1]);
    const validation = { x: x.slice(0, 80), y: y.slice(0, 40).map((v) => v + 0.3), rows: 40 }; // shifted: overfits soon
    const history = await trainNetwork(model, { x, y, rows: 200 }, validation, { epochs: 60, batchSize: 16, learningRate: 0.01, patience: 3, seed: 1 });
    expect(history.loss[history.loss.length - 1]).toBeLessThan(history.loss[0]);
    expect(history.val_loss.length).toBeLessThanOrEqual(history.best_epoch + 1 + 3);
    const restored = tf.tidy(() => tf.losses.meanSquaredError(tf.tensor2d(validation.y, [40, 1]), model.predict(tf.tensor2d(validation.x, [40, 2])) as tf.Tensor).dataSync()[0]);
    expect(restored).toBeCloseTo(Math.min(...history.val_loss), 5);
    model.dispose();
  });
});
