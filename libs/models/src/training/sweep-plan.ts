import { z } from 'zod';
import { autonameAll, type ParamSet } from './autoname';
import type { MetricGoal } from './metric-direction';
import { isBetter } from './metric-direction';
import { expandGrid, sampleGrid, type ParameterGrid } from './parameter-grid';

const ParamValueSchema: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.number(), z.string(), z.boolean(), z.array(ParamValueSchema)]),
);

export const SweepSpec = z.object({
  grid: z.record(z.string(), z.array(ParamValueSchema).min(1)),
  /** `grid` tries every combination; `random` draws `samples` of them */
  search: z.enum(['grid', 'random']).default('grid'),
  samples: z.number().int().min(1).optional(),
  seed: z.number().int().default(42),
  /** arguments held fixed for every run; they do not enter the run names */
  fixed: z.record(z.string(), ParamValueSchema).default({}),
});
export type SweepSpec = z.infer<typeof SweepSpec>;

export interface PlannedRun {
  name: string;
  params: ParamSet;
}

/** The runs of a sweep, each autonamed by the arguments that vary (reference §6). */
export function planSweep(spec: SweepSpec): PlannedRun[] {
  const grid = spec.grid as ParameterGrid;
  if (spec.search === 'random' && spec.samples === undefined) throw new Error('a random sweep needs "samples"');
  const sets = spec.search === 'grid' ? expandGrid(grid) : sampleGrid(grid, spec.samples ?? 1, spec.seed);
  const names = autonameAll(sets);
  return sets.map((params, index) => ({ name: names[index], params: { ...(spec.fixed as ParamSet), ...params } }));
}

export interface ScoredRun {
  name: string;
  value: number | null;
}

/** The run with the best finite value of the metric in its direction; null when no run produced one. */
export function pickBest<T extends ScoredRun>(runs: readonly T[], goal: MetricGoal): T | null {
  let best: T | null = null;
  for (const run of runs) {
    if (run.value === null || !Number.isFinite(run.value)) continue;
    if (best === null || isBetter(run.value, best.value as number, goal.direction)) best = run;
  }
  return best;
}
