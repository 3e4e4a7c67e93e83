import type { JobRun, JobSource } from '@jobcast/contracts';
import type { ParamSet } from './autoname';
import type { MetricGoal } from './metric-direction';

/** One epoch's figures as a network reports them; `model` names which network of a family is training. */
export interface EpochProgress {
  model: string;
  epoch: number;
  totalEpochs: number;
  loss: number;
  valLoss?: number;
}

export interface FitHooks {
  /** Called after each epoch; answering true stops this network early (if the family `stopsOnRequest`). */
  onEpoch(progress: EpochProgress): boolean;
}

/**
 * A model family is the provider + evaluator pair of a training task: it fits on job runs, saves and loads its
 * artifacts in its own layout, and scores a fitted model on rows. Adding a family (e.g. the HTCondor advisor) is one
 * file implementing this interface plus one line in the family list.
 */
export interface ModelFamily<Model = unknown> {
  readonly name: string;
  /** what the registry records as the model kind, e.g. `calcloud-networks` */
  readonly kind: string;
  /** the loader's filter on `job_runs.source`; undefined = every source */
  readonly source?: JobSource;
  /** fewer usable rows than this fails the run with a clear reason */
  readonly minRows: number;
  /** the metric (on the test stage) that the gate and sweeps compare, and which way is better */
  readonly primaryMetric: MetricGoal;
  readonly defaultParams: ParamSet;
  /**
   * true when `fit` stops a network once `hooks.onEpoch` answers true, so the trainer's early-stopping rule applies;
   * false when the family stops on its own criteria (or has no epochs)
   */
  readonly stopsOnRequest: boolean;
  /** rows the family can learn from (e.g. with the target present); the rest are dropped before splitting */
  usable(row: JobRun): boolean;
  fit(train: JobRun[], validation: JobRun[], params: ParamSet, hooks: FitHooks): Promise<Model>;
  save(model: Model, dir: string): Promise<void>;
  load(dir: string): Promise<Model>;
  evaluate(model: Model, rows: JobRun[]): Promise<Record<string, number>>;
  /** frees native memory (tensors) once a model is no longer needed */
  dispose?(model: Model): void;
}
