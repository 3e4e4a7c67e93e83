import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { TrainingHistory } from '../nn/train-network';
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

export const EstimatorMeta = z.object({ kind: z.enum(['network', 'boosted_trees']), inputs: z.number().int().positive(), targetScale: z.number().positive() });

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
  // TensorFlow.js (~18 MB of a process's memory) is loaded only where a network is trained or served
  const { trainNetworkEstimator } = await import('./network-estimator');
  return trainNetworkEstimator(settings.network, task, train, validation, { ...options, epochs: scaled(settings.network.epochs) });
}

export async function loadEstimator(dir: string): Promise<CalcloudEstimator> {
  let meta: z.infer<typeof EstimatorMeta>;
  try {
    meta = EstimatorMeta.parse(JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')));
  } catch (error) {
    throw new Error(`model folder ${dir} has no valid meta.json: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (meta.kind === 'boosted_trees') return new TreesEstimator(JSON.parse(readFileSync(join(dir, 'trees.json'), 'utf8')) as BoostedTrees);
  const { loadNetworkEstimator } = await import('./network-estimator');
  return loadNetworkEstimator(dir, meta);
}

export function writeMeta(dir: string, meta: z.infer<typeof EstimatorMeta>): void {
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta, null, 2));
}
