import { seededRandom, shuffledIndices } from '../random/seeded-random';
import type { ParamSet, ParamValue } from './autoname';

/** A grid: each argument with the list of values to try. */
export type ParameterGrid = Record<string, ParamValue[]>;

/** Every combination of the grid, the first argument varying slowest (so names sort as the rule's example). */
export function expandGrid(grid: ParameterGrid): ParamSet[] {
  const entries = Object.entries(grid);
  for (const [name, values] of entries) {
    if (!Array.isArray(values) || values.length === 0) {
      throw new Error(`grid argument "${name}" must be a non-empty list of values`);
    }
  }
  return entries.reduce<ParamSet[]>(
    (sets, [name, values]) => sets.flatMap((set) => values.map((value) => ({ ...set, [name]: value }))),
    [{}],
  );
}

/** Random search: `count` distinct combinations of the grid drawn with a seeded generator. */
export function sampleGrid(grid: ParameterGrid, count: number, seed: number): ParamSet[] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`random search needs a positive sample count, got ${count}`);
  const all = expandGrid(grid);
  return shuffledIndices(all.length, seededRandom(seed))
    .slice(0, Math.min(count, all.length))
    .map((index) => all[index]);
}
