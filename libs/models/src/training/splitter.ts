import { z } from 'zod';
import { seededRandom } from '../random/seeded-random';

/** Row indices of one fold: fit on `train`, evaluate on `test`. */
export interface Fold {
  train: number[];
  test: number[];
}

export const SplitConfig = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('holdout'),
    testFraction: z.number().gt(0).lt(1).default(0.2),
    /** the newest rows become the test set, so a model is judged on jobs that came after its training data */
    timeOrdered: z.boolean().default(true),
    seed: z.number().int().default(42),
  }),
  z.object({
    kind: z.literal('kfold'),
    folds: z.number().int().min(2).max(20).default(5),
    timeOrdered: z.boolean().default(false),
    seed: z.number().int().default(42),
  }),
]);
export type SplitConfig = z.infer<typeof SplitConfig>;

/**
 * Splits `timestamps.length` rows into folds. Time-ordered splits sort by timestamp (ms) and keep blocks contiguous;
 * otherwise rows are shuffled with the seed.
 */
export function splitRows(config: SplitConfig, timestamps: readonly number[]): Fold[] {
  const order = config.timeOrdered ? byTime(timestamps) : shuffled(timestamps.length, config.seed);
  if (config.kind === 'holdout') {
    const testSize = Math.max(1, Math.round(order.length * config.testFraction));
    if (order.length - testSize < 1) throw new Error(`holdout needs at least 2 rows, got ${order.length}`);
    return [{ train: order.slice(0, order.length - testSize), test: order.slice(order.length - testSize) }];
  }
  if (order.length < config.folds) throw new Error(`${config.folds}-fold split needs at least ${config.folds} rows, got ${order.length}`);
  const folds: Fold[] = [];
  for (let k = 0; k < config.folds; k++) {
    const start = Math.floor((k * order.length) / config.folds);
    const end = Math.floor(((k + 1) * order.length) / config.folds);
    folds.push({ train: [...order.slice(0, start), ...order.slice(end)], test: order.slice(start, end) });
  }
  return folds;
}

function byTime(timestamps: readonly number[]): number[] {
  return timestamps.map((_, index) => index).sort((a, b) => timestamps[a] - timestamps[b] || a - b);
}

function shuffled(length: number, seed: number): number[] {
  const random = seededRandom(seed);
  const order = Array.from({ length }, (_, index) => index);
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

export function pick<T>(rows: readonly T[], indices: readonly number[]): T[] {
  return indices.map((index) => rows[index]);
}
