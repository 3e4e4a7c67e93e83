import { z } from 'zod';

const nonNegative = z.number().finite().nonnegative();

/** Runtime spread of a (job type, instance) pair; `level` says which estimator level answered. */
export const RuntimeStatistics = z.object({
  mean: nonNegative,
  stdev: nonNegative,
  p50: nonNegative,
  p90: nonNegative,
  p99: nonNegative,
  samples: z.number().int().nonnegative(),
  /** e.g. `job-type+instance`, `job-type`, `global` */
  level: z.string(),
  /** true when the exact (job type, instance) pair was unknown and a broader level answered */
  fallback: z.boolean(),
  units: z.literal('seconds'),
});
export type RuntimeStatistics = z.infer<typeof RuntimeStatistics>;

/** calcloud's memory answer: bin 0–3 with class probabilities, GB, and the bin chosen by expected cost. */
export const MemoryPrediction = z.object({
  bin: z.number().int().min(0).max(3),
  binProbabilities: z.array(z.number().min(0).max(1)).length(4),
  gb: nonNegative,
  costAwareBin: z.number().int().min(0).max(3),
  costAwareInstance: z.string(),
});
export type MemoryPrediction = z.infer<typeof MemoryPrediction>;

export const WallclockPrediction = z.object({
  seconds: nonNegative,
  killTimeSeconds: nonNegative,
  /** `calcloud` = the wallclock network; `runtime` = runtime statistics of the job type (p50, kill at p99) */
  source: z.enum(['calcloud', 'runtime']),
});
export type WallclockPrediction = z.infer<typeof WallclockPrediction>;

export const InstanceCost = z.object({ instance: z.string(), usd: nonNegative, hourlyUsd: nonNegative });
export type InstanceCost = z.infer<typeof InstanceCost>;

export const CostPrediction = z.object({
  /** expected cost on the chosen instance (the job's own, else the cost-aware one) */
  expectedUsd: nonNegative.nullable(),
  instance: z.string().nullable(),
  perInstance: z.array(InstanceCost),
  units: z.literal('USD'),
});
export type CostPrediction = z.infer<typeof CostPrediction>;

/** One prediction, the same over HTTP, gRPC and Kafka. */
export const Prediction = z.object({
  payloadId: z.string().nullable(),
  jobType: z.string(),
  instance: z.string().nullable(),
  memory: MemoryPrediction.nullable(),
  wallclock: WallclockPrediction.nullable(),
  runtime: RuntimeStatistics.nullable(),
  cost: CostPrediction.nullable(),
  /** model family → version of the model that answered */
  models: z.record(z.string(), z.string()),
  /** why a part is missing or came from a broader estimator */
  notes: z.array(z.string()),
});
export type Prediction = z.infer<typeof Prediction>;

/** SOAMC `/queuetime` answer (days); `/v1/queuetime` adds the estimator level. */
export const QueueTimeEstimate = z.object({
  name: z.literal('Queue Time Estimate'),
  njobs: z.number().int().nonnegative(),
  min: nonNegative,
  max: nonNegative,
  units: z.literal('day'),
});
export type QueueTimeEstimate = z.infer<typeof QueueTimeEstimate>;
