import * as tf from '@tensorflow/tfjs';

type Activation = 'relu' | 'linear' | 'softmax';

/**
 * The dense stack of a built network with all its weights in ONE variable, for our own training loop: Adam then
 * updates one tensor per step instead of two per layer, which is most of the per-step cost of these small networks.
 * `logits` is the forward pass without the softmax (the loss applies it).
 */
export class FlatDenseNetwork {
  readonly parameters: tf.Variable;
  private readonly shapes: number[][];
  private readonly sizes: number[];
  private readonly activations: Activation[];

  constructor(private readonly model: tf.LayersModel) {
    const weights = model.getWeights();
    if (weights.length !== model.layers.length * 2) throw new Error('FlatDenseNetwork needs a stack of dense layers with biases');
    this.shapes = weights.map((w) => w.shape);
    this.sizes = weights.map((w) => w.size);
    this.activations = model.layers.map((layer) => activationOf(layer));
    this.parameters = tf.variable(tf.tidy(() => tf.concat(weights.map((w) => w.flatten()))));
  }

  get head(): Activation {
    return this.activations[this.activations.length - 1];
  }

  logits(x: tf.Tensor2D, parameters: tf.Tensor = this.parameters): tf.Tensor2D {
    const parts = tf.split(parameters, this.sizes);
    let h: tf.Tensor2D = x;
    for (let layer = 0; layer < this.activations.length; layer++) {
      const dense = this.activations[layer] === 'relu' ? denseRelu : denseLinear;
      h = dense(h, parts[2 * layer].reshape(this.shapes[2 * layer]), parts[2 * layer + 1]);
    }
    return h;
  }

  /** Mean loss of the network's head (categorical cross-entropy or squared error) on a batch. */
  loss(x: tf.Tensor2D, y: tf.Tensor2D, parameters?: tf.Tensor): tf.Scalar {
    const logits = this.logits(x, parameters);
    return this.head === 'softmax' ? tf.losses.softmaxCrossEntropy(y, logits) : tf.losses.meanSquaredError(y, logits);
  }

  /** Copies the given flat parameters (default: the current ones) into the layers model. */
  writeTo(parameters: tf.Tensor = this.parameters): void {
    const values = tf.tidy(() => tf.split(parameters, this.sizes).map((part, i) => part.reshape(this.shapes[i])));
    this.model.setWeights(values);
    tf.dispose(values);
  }

  dispose(): void {
    this.parameters.dispose();
  }
}

function activationOf(layer: tf.layers.Layer): Activation {
  const config = layer.getConfig();
  const activation = config['activation'];
  if (layer.getClassName() !== 'Dense' || (activation !== 'relu' && activation !== 'linear' && activation !== 'softmax')) {
    throw new Error(`FlatDenseNetwork supports dense relu / linear / softmax layers (got ${layer.getClassName()} ${String(activation)})`);
  }
  return activation;
}

/**
 * One dense layer as a single fused kernel, with a hand-written gradient that uses explicit transposes: the wasm
 * backend's matMul with a transpose flag (what autodiff emits) runs several times slower than a transpose followed by a
 * plain matMul, and fewer ops per step means less per-op overhead.
 */
function fusedDense(activation: 'relu' | 'linear') {
  return tf.customGrad<tf.Tensor2D>((...inputs) => {
    const [x, kernel, bias, save] = inputs as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
    const value = tf.fused.matMul({ a: x, b: kernel, bias, activation }) as tf.Tensor2D;
    save([x, kernel, value]);
    return {
      value,
      gradFunc: (dy: tf.Tensor2D, [savedX, savedKernel, savedValue]: tf.Tensor[]) => {
        const dz = activation === 'relu' ? tf.mul(dy, tf.step(savedValue)) : dy;
        return [tf.matMul(dz, tf.transpose(savedKernel)), tf.matMul(tf.transpose(savedX), dz), tf.sum(dz, 0)];
      },
    };
  }) as (x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor) => tf.Tensor2D;
}
const denseRelu = fusedDense('relu');
const denseLinear = fusedDense('linear');
