import * as tf from '@tensorflow/tfjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { buildDenseNetwork } from '../nn/dense-network';
import { loadLayersModel, saveLayersModel } from '../nn/model-files';
import { initTfBackend } from '../nn/tf-backend';
import { TrainingHistory, trainNetwork } from '../nn/train-network';
import type { EstimatorSettings } from './calcloud-config';
import { BoostedTrees, CompiledEnsemble, trainBoostedTrees } from './trees';

/** One of the three calcloud models (memory-bin classifier, memory / wallclock regressor), whatever its kind. */
export interface CalcloudEstimator {
  readonly kind: EstimatorSettings['kind'];
  /** input columns it takes: the first `inputs` of the bundle's feature names */
  readonly inputs: number;
  /**
   * Class probabilities (rows × 4) for the classifier, one value per row for the regressors. Row r starts at
   * `x[r × stride]` (default `inputs`): models taking fewer columns read the first ones of a shared, wider matrix.
   */
  predict(x: Float32Array, rows: number, stride?: number): Float32Array;
  save(dir: string): Promise<void>;
  dispose(): void;
}

export interface EstimatorData {
  x: Float32Array;
  /** class index (classifier) or target value (regressor) per row */
  y: Float32Array;
  rows: number;
}

export type EstimatorTask = { type: 'classifier'; classes: number } | { type: 'regressor' };

const EstimatorMeta = z.object({ kind: z.enum(['network', 'boosted_trees']), inputs: z.number().int().positive(), targetScale: z.number().positive() });

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

class TreesEstimator implements CalcloudEstimator {
  readonly kind = 'boosted_trees';
  readonly inputs: number;
  private readonly compiled: CompiledEnsemble;
  constructor(private readonly model: BoostedTrees) {
    this.inputs = model.features;
    this.compiled = new CompiledEnsemble(model);
  }

  predict(x: Float32Array, rows: number, stride = this.inputs): Float32Array {
    return this.compiled.predict(x, rows, stride);
  }

  async save(dir: string): Promise<void> {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'trees.json'), JSON.stringify(this.model));
    writeMeta(dir, { kind: 'boosted_trees', inputs: this.model.features, targetScale: 1 });
  }

  dispose(): void {
    // plain arrays: nothing to release
  }
}

/** Trains one estimator with its settings; `history` is per epoch (network) or per boosting round (trees). */
export async function trainEstimator(
  settings: EstimatorSettings,
  task: EstimatorTask,
  train: EstimatorData,
  validation: EstimatorData,
  options: { seed: number; epochsScale: number; onProgress?: (step: number, loss: number, valLoss: number) => void },
): Promise<{ estimator: CalcloudEstimator; history: TrainingHistory }> {
  const inputs = train.x.length / train.rows;
  const scaled = (budget: number) => Math.max(1, Math.round(budget * options.epochsScale));
  if (settings.kind === 'boosted_trees') {
    const { model, history } = trainBoostedTrees(train, validation, inputs, {
      ...settings.trees,
      rounds: scaled(settings.trees.rounds),
      seed: options.seed,
      objective: task.type === 'classifier' ? 'softmax' : 'squared_error',
      outputs: task.type === 'classifier' ? task.classes : 1,
      onRound: options.onProgress,
    });
    return { estimator: new TreesEstimator(model), history };
  }
  await initTfBackend();
  // regressors learn the target divided by its standard deviation so Adam's step size suits seconds and GB alike
  const targetScale = task.type === 'regressor' ? Math.max(standardDeviation(train.y), 1e-6) : 1;
  const encode = (data: EstimatorData) =>
    task.type === 'classifier' ? { ...data, y: oneHot(data.y, task.classes) } : { ...data, y: data.y.map((v) => v / targetScale) };
  const model = buildDenseNetwork({
    inputs,
    hidden: settings.network.hidden,
    outputs: task.type === 'classifier' ? task.classes : 1,
    head: task.type === 'classifier' ? 'softmax' : 'linear',
    seed: options.seed,
  });
  const history = await trainNetwork(model, encode(train), encode(validation), {
    epochs: scaled(settings.network.epochs),
    batchSize: settings.network.batchSize,
    learningRate: settings.network.learningRate,
    patience: settings.network.patience,
    seed: options.seed,
    onEpoch: options.onProgress,
  });
  return { estimator: new NetworkEstimator(model, inputs, targetScale), history };
}

export async function loadEstimator(dir: string): Promise<CalcloudEstimator> {
  let meta: z.infer<typeof EstimatorMeta>;
  try {
    meta = EstimatorMeta.parse(JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')));
  } catch (error) {
    throw new Error(`model folder ${dir} has no valid meta.json: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (meta.kind === 'boosted_trees') return new TreesEstimator(JSON.parse(readFileSync(join(dir, 'trees.json'), 'utf8')) as BoostedTrees);
  await initTfBackend();
  return new NetworkEstimator(await loadLayersModel(dir), meta.inputs, meta.targetScale);
}

function writeMeta(dir: string, meta: z.infer<typeof EstimatorMeta>): void {
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta, null, 2));
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
