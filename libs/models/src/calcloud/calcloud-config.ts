import { z } from 'zod';
import { DatasetIdEncodingSettings } from './dataset-id-encoding';
import { MemoryOffsetsSettings } from './memory-offsets';

const NetworkSettings = z.object({
  hidden: z.array(z.number().int().positive()),
  epochs: z.number().int().positive(),
  batchSize: z.number().int().positive(),
  learningRate: z.number().positive(),
  patience: z.number().int().positive(),
});

const TreeSettings = z.object({
  rounds: z.number().int().positive(),
  learningRate: z.number().positive(),
  maxDepth: z.number().int().min(1).max(16),
  minChildWeight: z.number().nonnegative(),
  lambda: z.number().nonnegative(),
  patience: z.number().int().positive(),
  /** share of rows each round's tree sees (stochastic boosting; 1 = all) */
  subsample: z.number().gt(0).max(1),
});

const EstimatorSettings = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('network'), network: NetworkSettings }),
  z.object({ kind: z.literal('boosted_trees'), trees: TreeSettings }),
]);
export type EstimatorSettings = z.infer<typeof EstimatorSettings>;

/** Memory as the classifier's soft mixture of per-bin estimates, blended with the regressor (see memory-mixture.ts). */
const MemoryMixtureSettings = z.object({
  /** each bin's memory estimator, trained on that bin's rows (calcloud's 9 inputs) */
  perBin: EstimatorSettings,
  /** the regressor's share of the blend; the mixture gets the rest */
  regressorWeight: z.number().min(0).max(1),
});
export type MemoryMixtureSettings = z.infer<typeof MemoryMixtureSettings>;

export const CalcloudTrainingConfig = z.object({
  name: z.string().min(1),
  seed: z.number().int().nonnegative(),
  testSize: z.number().gt(0).lt(1),
  /** share of the training rows held out for early stopping and for fitting the kill-time and risk spreads */
  validationSize: z.number().gt(0).lt(1),
  /** multiplies every epoch / boosting-round budget (quick runs and smoke tests) */
  epochsScale: z.number().positive(),
  /** target-encoded program / visit of the dataset id as extra inputs (null: calcloud's 9 inputs only) */
  datasetIds: DatasetIdEncodingSettings.nullable(),
  memClf: EstimatorSettings,
  memReg: EstimatorSettings,
  wallReg: EstimatorSettings,
  /** memory from the classifier's bin probabilities too (null: the regressor alone) */
  memoryMixture: MemoryMixtureSettings.nullable(),
  /** per-program / per-visit offsets added to the served memory (null: none; see memory-offsets.ts) */
  memoryOffsets: MemoryOffsetsSettings.nullable(),
  /** share of jobs whose kill time must exceed the actual wallclock */
  killTimeCoverage: z.number().gt(0.5).lt(1),
  /** value of one hour of extra turnaround when a job is retried one bin higher (USD) */
  retryDelayUsdPerHour: z.number().nonnegative(),
  /** queue wait a resubmitted job goes through again (hours) */
  retryQueueWaitHours: z.number().nonnegative(),
});
export type CalcloudTrainingConfig = z.infer<typeof CalcloudTrainingConfig>;

const CALCLOUD_CLASSIFIER_LAYERS = [18, 32, 64, 32, 18, 9];
const CALCLOUD_WALLCLOCK_LAYERS = [18, 32, 64, 128, 256, 128, 64, 32, 18, 9];

/** calcloud's deployed networks exactly (reference §4): Adam 1e-3, 60/60/300 epochs, batches 32/32/64. */
export const CALCLOUD_BASELINE_CONFIG: CalcloudTrainingConfig = {
  name: 'calcloud-baseline',
  seed: 42,
  testSize: 0.2,
  validationSize: 0.1,
  epochsScale: 1,
  datasetIds: null,
  memClf: { kind: 'network', network: { hidden: CALCLOUD_CLASSIFIER_LAYERS, epochs: 60, batchSize: 32, learningRate: 1e-3, patience: 10 } },
  memReg: { kind: 'network', network: { hidden: CALCLOUD_CLASSIFIER_LAYERS, epochs: 60, batchSize: 32, learningRate: 1e-3, patience: 10 } },
  wallReg: { kind: 'network', network: { hidden: CALCLOUD_WALLCLOCK_LAYERS, epochs: 300, batchSize: 64, learningRate: 1e-3, patience: 20 } },
  memoryMixture: null,
  memoryOffsets: null,
  killTimeCoverage: 0.99,
  retryDelayUsdPerHour: 1,
  retryQueueWaitHours: 0.25,
};

/** The calcloud architectures with large batches (wasm is slow on small ones) and a higher learning rate. */
export const CALCLOUD_FAST_NETWORK_CONFIG: CalcloudTrainingConfig = {
  ...CALCLOUD_BASELINE_CONFIG,
  name: 'calcloud-fast-network',
  memClf: { kind: 'network', network: { hidden: CALCLOUD_CLASSIFIER_LAYERS, epochs: 80, batchSize: 256, learningRate: 3e-3, patience: 10 } },
  memReg: { kind: 'network', network: { hidden: CALCLOUD_CLASSIFIER_LAYERS, epochs: 80, batchSize: 256, learningRate: 3e-3, patience: 10 } },
  wallReg: { kind: 'network', network: { hidden: CALCLOUD_WALLCLOCK_LAYERS, epochs: 120, batchSize: 256, learningRate: 3e-3, patience: 15 } },
};

/** The default: gradient-boosted trees, the classifier also on the dataset id's program / visit; trains in seconds, serves fast. */
export const CALCLOUD_DEFAULT_CONFIG: CalcloudTrainingConfig = {
  ...CALCLOUD_BASELINE_CONFIG,
  name: 'boosted-trees',
  datasetIds: { smoothing: 5, folds: 5, maskShare: 0.25, models: ['memClf'] },
  memClf: { kind: 'boosted_trees', trees: { rounds: 400, learningRate: 0.2, maxDepth: 6, minChildWeight: 0.1, lambda: 1, patience: 30, subsample: 1 } },
  // memory: a few 10–47 GB jobs among sub-GB twins make the leaves noisy; deeper trees with 30-row leaves and a strong
  // L2 penalty won on the validation split over depth 4–8 / λ 1–100 / min-leaf 3–100 (mean of seeds 1, 7, 42); each
  // tree on a random 70 % of the rows beat all rows in 10 of 10 folds (5-fold CV on the training 80 %, seeds 42 and 7)
  memReg: { kind: 'boosted_trees', trees: { rounds: 600, learningRate: 0.3, maxDepth: 8, minChildWeight: 30, lambda: 30, patience: 30, subsample: 0.7 } },
  wallReg: { kind: 'boosted_trees', trees: { rounds: 600, learningRate: 0.1, maxDepth: 6, minChildWeight: 3, lambda: 1, patience: 30, subsample: 1 } },
  // 0.6 × regressor + 0.4 × Σ P(bin) × per-bin trees beat the regressor alone in 13 of 15 folds (5-fold CV on the
  // training 80 %, seeds 42 / 7 / 1: 0.711 / 0.700 / 0.730 GB against 0.728 / 0.722 / 0.773); weights 0.5–0.75 were
  // within 0.002, and 30 rounds per bin within 0.001 of 600 at a tenth of the trees to serve
  memoryMixture: {
    perBin: { kind: 'boosted_trees', trees: { rounds: 30, learningRate: 0.3, maxDepth: 6, minChildWeight: 30, lambda: 30, patience: 30, subsample: 0.7 } },
    regressorWeight: 0.6,
  },
  // the served memory plus its visit's / program's shrunk mean out-of-fold regressor residual: 0.697 / 0.685 GB against
  // 0.711 / 0.700, better in 8 of 10 folds (5-fold CV on the training 80 %, fold seeds 42 / 7); pseudo-counts 3–20 within 0.005
  memoryOffsets: { folds: 5, smoothing: 5 },
};

export const CALCLOUD_CONFIGS = {
  default: CALCLOUD_DEFAULT_CONFIG,
  baseline: CALCLOUD_BASELINE_CONFIG,
  'fast-network': CALCLOUD_FAST_NETWORK_CONFIG,
} as const;
export type CalcloudConfigName = keyof typeof CALCLOUD_CONFIGS;
