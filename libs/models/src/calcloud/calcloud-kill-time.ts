import { z } from 'zod';
import { KILL_TIME_MAX_SECONDS, KILL_TIME_MIN_SECONDS } from './calcloud-targets';

/**
 * Kill time = predicted wallclock × the quantile of actual/predicted ratios among jobs with a similar prediction,
 * fitted on held-out rows. This replaces calcloud's fixed `× (1 + wc_std)` with a factor that meets a stated coverage.
 */
export const KillTimeModel = z.object({
  coverage: z.number().gt(0).lt(1),
  /** the quantile actually fitted: halfway between the target and 1, a margin for sampling error */
  fittedQuantile: z.number().gt(0).lt(1),
  /** upper edges (predicted seconds) of the similar-job groups; the last group is open-ended */
  groupUpperSeconds: z.array(z.number()),
  factors: z.array(z.number().positive()).min(1),
});
export type KillTimeModel = z.infer<typeof KillTimeModel>;

const MIN_GROUP_SIZE = 200;
const GROUPS = 6;

export function fitKillTime(predictedSeconds: ArrayLike<number>, actualSeconds: ArrayLike<number>, coverage: number): KillTimeModel {
  const fittedQuantile = coverage + (1 - coverage) / 2;
  const pairs = Array.from({ length: predictedSeconds.length }, (_, i) => ({
    predicted: Math.max(predictedSeconds[i], 1),
    ratio: Math.max(actualSeconds[i], 1) / Math.max(predictedSeconds[i], 1),
  })).sort((a, b) => a.predicted - b.predicted);
  const groups = Math.max(1, Math.min(GROUPS, Math.floor(pairs.length / MIN_GROUP_SIZE)));
  const groupUpperSeconds: number[] = [];
  const factors: number[] = [];
  for (let g = 0; g < groups; g++) {
    const members = pairs.slice(Math.floor((g * pairs.length) / groups), Math.floor(((g + 1) * pairs.length) / groups));
    factors.push(Math.max(upperQuantile(members.map((m) => m.ratio), fittedQuantile), 1));
    if (g < groups - 1) groupUpperSeconds.push(members[members.length - 1].predicted);
  }
  return { coverage, fittedQuantile, groupUpperSeconds, factors };
}

export function killTimeSeconds(model: KillTimeModel, predictedSeconds: number): number {
  const predicted = Math.max(predictedSeconds, 1);
  let group = 0;
  while (group < model.groupUpperSeconds.length && predicted > model.groupUpperSeconds[group]) group++;
  return Math.round(Math.min(Math.max(predicted * model.factors[group], KILL_TIME_MIN_SECONDS), KILL_TIME_MAX_SECONDS));
}

function upperQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
