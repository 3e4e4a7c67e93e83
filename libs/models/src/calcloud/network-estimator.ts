import * as tf from '@tensorflow/tfjs';
import type { z } from 'zod';
import { buildDenseNetwork } from '../nn/dense-network';
import { loadLayersModel, saveLayersModel } from '../nn/model-files';
import { initTfBackend } from '../nn/tf-backend';
import { TrainingHistory, trainNetwork } from '../nn/train-network';
import type { EstimatorSettings } from './calcloud-config';
import { writeMeta, type CalcloudEstimator, type EstimatorData, type EstimatorMeta, type EstimatorTask } from './calcloud-estimator';

type NetworkSettings = Extract<EstimatorSettings, { kind: 'network' }>['network'];

/**
 * A calcloud model as a TensorFlow.js dense network. Imported on demand by calcloud-estimator.ts, so processes that only
 * train or serve boosted trees (the default) never load TensorFlow.js.
 */
class NetworkEstimator implements CalcloudEstimator {
  readonly kind = 'network';
  constructor(
    private readonly model: tf.LayersModel,
    readonly inputs: number,
    private readonly targetScale: number,
  ) {}

  predict(x: Float32Array, rows: number, stride = this.inputs): Float32Array {
    const input = stride === this.inputs ? x : ownColumns(x, rows, stride, this.inputs);
    const out = tf.tidy(() => (this.model.predict(tf.tensor2d(input, [rows, this.inputs]), { batchSize: Math.max(rows, 1) }) as tf.Tensor).dataSync());
    const values = Float32Array.from(out);
    if (this.targetScale !== 1) for (let i = 0; i < values.length; i++) values[i] *= this.targetScale;
    return values;
  }

  async save(dir: string): Promise<void> {
    await saveLayersModel(this.model, dir);
    writeMeta(dir, { kind: 'network', inputs: this.inputs, targetScale: this.targetScale });
  }

  dispose(): void {
    this.model.dispose();
  }
}

export async function trainNetworkEstimator(
  settings: NetworkSettings,
  task: EstimatorTask,
  train: EstimatorData,
  validation: EstimatorData,
  options: { seed: number; epochs: number; onProgress?: (step: number, loss: number, valLoss: number) => void },
): Promise<{ estimator: CalcloudEstimator; history: TrainingHistory }> {
  await initTfBackend();
  const inputs = train.x.length / train.rows;
  // regressors learn the target divided by its standard deviation so Adam's step size suits seconds and GB alike
  const targetScale = task.type === 'regressor' ? Math.max(standardDeviation(train.y), 1e-6) : 1;
  const encode = (data: EstimatorData) =>
    task.type === 'classifier' ? { ...data, y: oneHot(data.y, task.classes) } : { ...data, y: data.y.map((v) => v / targetScale) };
  const model = buildDenseNetwork({
    inputs,
    hidden: settings.hidden,
    outputs: task.type === 'classifier' ? task.classes : 1,
    head: task.type === 'classifier' ? 'softmax' : 'linear',
    seed: options.seed,
  });
  const history = await trainNetwork(model, encode(train), encode(validation), {
    epochs: options.epochs,
    batchSize: settings.batchSize,
    learningRate: settings.learningRate,
    patience: settings.patience,
    seed: options.seed,
    onEpoch: options.onProgress,
  });
  return { estimator: new NetworkEstimator(model, inputs, targetScale), history };
}

export async function loadNetworkEstimator(dir: string, meta: z.infer<typeof EstimatorMeta>): Promise<CalcloudEstimator> {
  await initTfBackend();
  return new NetworkEstimator(await loadLayersModel(dir), meta.inputs, meta.targetScale);
}

/** The first `inputs` columns of a row-major matrix whose rows are `stride` wide. */
function ownColumns(x: Float32Array, rows: number, stride: number, inputs: number): Float32Array {
  const out = new Float32Array(rows * inputs);
  for (let r = 0; r < rows; r++) out.set(x.subarray(r * stride, r * stride + inputs), r * inputs);
  return out;
}

function oneHot(labels: Float32Array, classes: number): Float32Array {
  const out = new Float32Array(labels.length * classes);
  labels.forEach((label, row) => (out[row * classes + label] = 1));
  return out;
}

function standardDeviation(values: Float32Array): number {
  let sum = 0;
  let sumSquares = 0;
  for (const v of values) {
    sum += v;
    sumSquares += v * v;
  }
  const mean = sum / values.length;
  return Math.sqrt(Math.max(sumSquares / values.length - mean * mean, 0));
}
