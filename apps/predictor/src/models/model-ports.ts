import type { CalcloudFeatures, ReleaseHistory } from '@jobcast/models';

/**
 * What the predictor needs from each model family. Adapters in this folder wrap the objects of `@jobcast/models`
 * behind these ports so the serving code (and its tests) never depend on how a family is stored or trained.
 */

/** Answer of the calcloud networks for one job. */
export interface CalcloudAnswer {
  memBin: number;
  binProbs: readonly number[];
  memoryGb: number;
  wallclockSeconds: number;
  killTimeSeconds: number;
  costAwareBin: number;
  costAwareInstance: string;
}

export interface CalcloudModel {
  /** One answer per encoded input, same order; batched so a whole request is one tensor pass. */
  predictBatch(inputs: readonly CalcloudFeatures[]): CalcloudAnswer[];
}

/** Runtime spread for (job type, instance); `*` means any. */
export interface RuntimeAnswer {
  mean: number;
  stdev: number;
  p50: number;
  p90: number;
  p99: number;
  samples: number;
  level: string;
  fallback: boolean;
}

export interface RuntimeModel {
  estimate(jobType: string, instance: string): RuntimeAnswer;
  /** instances the job type has run on, the candidates for a cost comparison */
  instancesFor(jobType: string): readonly string[];
}

export interface PriceTable {
  readonly version: string;
  /** on-demand $/hour, or null for an instance the table does not know */
  hourlyUsd(instance: string): number | null;
}

export interface QueueTimeModel {
  /** SOAMC bounds in seconds for draining `jobTypes` with `nodes` workers */
  estimate(jobTypes: readonly string[], nodes: number): { minSeconds: number; maxSeconds: number };
}

/** The `runtime` family: runtime, cost and queue-time estimators fitted together by the trainer. */
export interface RuntimeFamily {
  runtime: RuntimeModel;
  prices: PriceTable;
  queue: QueueTimeModel;
}

/** The `condor-hold` family: per hold code, how released jobs ended; the HTCondor hold advisor decides from it. */
export interface CondorHoldModel {
  /** read, never changed: a request adds its log's releases to a copy */
  readonly history: ReleaseHistory;
}

export const MODEL_FAMILIES = ['calcloud', 'runtime', 'condor-hold'] as const;
export type ModelFamily = (typeof MODEL_FAMILIES)[number];

/**
 * The families readiness waits for. Without a `condor-hold` champion (a HySDS-only history has none) the hold advice
 * still answers, from the log alone.
 */
export const REQUIRED_FAMILIES: readonly ModelFamily[] = ['calcloud', 'runtime'];

export interface FamilyModels {
  calcloud: CalcloudModel;
  runtime: RuntimeFamily;
  'condor-hold': CondorHoldModel;
}

/** A model that loaded and passed validation, with where it came from. */
export interface LoadedModel<F extends ModelFamily = ModelFamily> {
  family: F;
  version: string;
  location: string;
  loadedAt: string;
  model: FamilyModels[F];
}
