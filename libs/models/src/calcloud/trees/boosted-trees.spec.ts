import { seededRandom } from '../../random/seeded-random';
import { predictBoostedTrees, trainBoostedTrees } from './boosted-trees';
import { CompiledEnsemble } from './compiled-ensemble';

function dataset(rows: number, seed: number) {
  const random = seededRandom(seed);
  const x = new Float32Array(rows * 2);
  const y = new Float32Array(rows);
  const label = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    x[r * 2] = random() * 10;
    x[r * 2 + 1] = random() < 0.5 ? 0 : 1;
    y[r] = x[r * 2] * x[r * 2] + 20 * x[r * 2 + 1];
    label[r] = (x[r * 2] > 5 ? 1 : 0) + x[r * 2 + 1];
  }
  return { x, y, label, rows };
}

describe('gradient-boosted trees', () => {
  const options = { rounds: 200, learningRate: 0.2, maxDepth: 4, minChildWeight: 1, lambda: 1, patience: 20, subsample: 1, seed: 1 };

  it('fits a non-linear regression and keeps the best validation round', () => {
    const train = dataset(2000, 1);
    const validation = dataset(500, 2);
    const { model, history } = trainBoostedTrees(train, validation, 2, { ...options, objective: 'squared_error', outputs: 1 });
    expect(model.trees).toHaveLength(history.best_epoch + 1);
    const predictions = new CompiledEnsemble(model).predict(validation.x, validation.rows);
    const rmse = Math.sqrt(predictions.reduce((s, p, i) => s + (p - validation.y[i]) ** 2, 0) / validation.rows);
    expect(rmse).toBeLessThan(3);
  });

  it('classifies with softmax probabilities that sum to 1', () => {
    const train = dataset(2000, 3);
    const validation = dataset(500, 4);
    const { model } = trainBoostedTrees({ ...train, y: train.label }, { ...validation, y: validation.label }, 2, { ...options, objective: 'softmax', outputs: 3 });
    const probabilities = new CompiledEnsemble(model).predict(validation.x, validation.rows);
    let correct = 0;
    for (let r = 0; r < validation.rows; r++) {
      const row = Array.from(probabilities.subarray(r * 3, r * 3 + 3));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      if (row.indexOf(Math.max(...row)) === validation.label[r]) correct++;
    }
    expect(correct / validation.rows).toBeGreaterThan(0.97);
  });

  it('compiles to code that predicts exactly as walking the trees, and refuses a tampered model', () => {
    const train = dataset(1000, 5);
    const { model } = trainBoostedTrees(train, dataset(200, 6), 2, { ...options, subsample: 0.7, objective: 'squared_error', outputs: 1 });
    const compiled = new CompiledEnsemble(model).predict(train.x, train.rows);
    predictBoostedTrees(model, train.x, train.rows).forEach((value, i) => expect(compiled[i]).toBeCloseTo(value, 3));
    // the same rows as the first 2 of 3 columns of a wider matrix
    const wider = new Float32Array(train.rows * 3).map((_, i) => (i % 3 === 2 ? Number.NaN : train.x[Math.floor(i / 3) * 2 + (i % 3)]));
    expect(new CompiledEnsemble(model).predict(wider, train.rows, 3)).toEqual(compiled);
    expect(() => new CompiledEnsemble(model).predict(wider, train.rows, 1)).toThrow(/stride of 1 is narrower than the 2 features/);
    const tampered = structuredClone(model);
    (tampered.trees[0][0].threshold as unknown[])[0] = '0) + globalThis.process.exit(1) + (0';
    expect(() => new CompiledEnsemble(tampered)).toThrow(/malformed tree/);
    tampered.trees[0][0] = { ...model.trees[0][0], feature: [9, ...model.trees[0][0].feature.slice(1)] };
    expect(() => new CompiledEnsemble(tampered)).toThrow(/feature 9 of 2/);
    const injectedWidth = { ...model, features: '2; globalThis.process.exit(1)' as unknown as number };
    expect(() => new CompiledEnsemble(injectedWidth)).toThrow(/malformed trees/);
    const injectedScore = { ...model, baseScore: ['0; globalThis.process.exit(1)' as unknown as number] };
    expect(() => new CompiledEnsemble(injectedScore)).toThrow(/malformed tree/);
  });
});
