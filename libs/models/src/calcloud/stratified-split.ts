import { seededRandom, shuffledIndices } from '../random/seeded-random';

/** Splits row indices so each label keeps its share in both parts (as scikit-learn's stratified train_test_split). */
export function stratifiedSplit(labels: ArrayLike<number>, testFraction: number, seed: number): { train: number[]; test: number[] } {
  if (!(testFraction > 0 && testFraction < 1)) throw new Error(`test fraction must be between 0 and 1 (got ${testFraction})`);
  const random = seededRandom(seed);
  const byLabel = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const group = byLabel.get(labels[i]) ?? [];
    group.push(i);
    byLabel.set(labels[i], group);
  }
  const train: number[] = [];
  const test: number[] = [];
  for (const label of [...byLabel.keys()].sort((a, b) => a - b)) {
    const group = byLabel.get(label) as number[];
    const order = shuffledIndices(group.length, random);
    const testCount = Math.round(group.length * testFraction);
    order.forEach((position, rank) => (rank < testCount ? test : train).push(group[position]));
  }
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}

/** Stratified k folds: fold f's test rows; the rest of the rows train. */
export function stratifiedFolds(labels: ArrayLike<number>, folds: number, seed: number): number[][] {
  const random = seededRandom(seed);
  const out: number[][] = Array.from({ length: folds }, () => []);
  const byLabel = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) byLabel.set(labels[i], [...(byLabel.get(labels[i]) ?? []), i]);
  let next = 0;
  for (const label of [...byLabel.keys()].sort((a, b) => a - b)) {
    const group = byLabel.get(label) as number[];
    for (const position of shuffledIndices(group.length, random)) out[next++ % folds].push(group[position]);
  }
  return out.map((fold) => fold.sort((a, b) => a - b));
}
