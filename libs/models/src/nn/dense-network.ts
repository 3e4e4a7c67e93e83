import * as tf from '@tensorflow/tfjs';

export type DenseHead = 'softmax' | 'linear';

export interface DenseNetworkSpec {
  inputs: number;
  hidden: number[];
  outputs: number;
  head: DenseHead;
  seed: number;
}

/** A plain dense ReLU stack as calcloud builds them (trained by `trainNetwork`); every initialiser is seeded so a seed repeats the run. */
export function buildDenseNetwork(spec: DenseNetworkSpec): tf.Sequential {
  const model = tf.sequential();
  spec.hidden.forEach((units, layer) => {
    model.add(
      tf.layers.dense({
        units,
        activation: 'relu',
        kernelInitializer: tf.initializers.heNormal({ seed: spec.seed + layer }),
        ...(layer === 0 ? { inputShape: [spec.inputs] } : {}),
      }),
    );
  });
  model.add(
    tf.layers.dense({
      units: spec.outputs,
      activation: spec.head === 'softmax' ? 'softmax' : 'linear',
      kernelInitializer: tf.initializers.glorotUniform({ seed: spec.seed + spec.hidden.length }),
      ...(spec.hidden.length === 0 ? { inputShape: [spec.inputs] } : {}),
    }),
  );
  return model;
}
