import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MemoryMixtureSettings } from './calcloud-config';
import type { CalcloudEstimator } from './calcloud-estimator';
import { loadMemoryMixture, MemoryMixture, MemoryMixtureData, trainMemoryMixture } from './memory-mixture';

/** Answers the same value for every row. */
function constant(value: number): CalcloudEstimator {
  return {
    kind: 'boosted_trees',
    inputs: 1,
    predict: (_x, rows) => new Float32Array(rows).fill(value),
    save: async () => undefined,
    dispose: () => undefined,
  };
}

const SETTINGS: MemoryMixtureSettings = {
  perBin: { kind: 'boosted_trees', trees: { rounds: 80, learningRate: 0.3, maxDepth: 3, minChildWeight: 1, lambda: 1, patience: 10, subsample: 1 } },
  regressorWeight: 0.6,
};

/** One input column; bin 0 jobs use 0.5 + x / 10 GB, bin 1 jobs 4 + x; `bin2` adds bin-2 jobs. */
function jobs(count: number, bin2: boolean): MemoryMixtureData {
  const bins = Array.from({ length: count }, (_, row) => (bin2 && row % 10 === 0 ? 2 : row % 2));
  const x = Float32Array.from({ length: count }, (_, row) => row % 3);
  return { x, inputs: 1, memBin: bins, memoryGb: bins.map((bin, row) => (bin === 0 ? 0.5 + x[row] / 10 : bin === 1 ? 4 + x[row] : 10)) };
}

describe('memory mixture', () => {
  it('blends the regressor with the probability-weighted bin estimates, the regressor standing in for a bin without its own', () => {
    const mixture = new MemoryMixture([constant(0.5), constant(3), constant(10), undefined], 0.6);
    const probabilities = Float32Array.from([0.7, 0.2, 0.1, 0, 0, 0, 0, 1]);
    const memory = mixture.predict(probabilities, Float32Array.from([2, -1]), new Float32Array(2), 2, 1);
    // row 0: 0.6 × 2 + 0.4 × (0.35 + 0.6 + 1); row 1: bin 3 is the regressor's −1, and both parts are floored at 0
    expect(memory[0]).toBeCloseTo(1.98, 5);
    expect(memory[1]).toBe(0);
    expect(mixture.manifest).toEqual({ regressorWeight: 0.6, binModels: [true, true, true, false] });
  });

  it('learns each bin from its own jobs and leaves a bin without training or validation jobs to the regressor', async () => {
    const { mixture } = await trainMemoryMixture(SETTINGS, jobs(300, true), jobs(60, false), { seed: 1, epochsScale: 1 });
    expect(mixture.manifest.binModels).toEqual([true, true, false, false]);
    const x = Float32Array.from([0, 2]);
    const [bin0, bin1] = mixture.perBin.map((estimator) => estimator?.predict(x, 2));
    expect(Array.from(bin0 as Float32Array).map((gb) => gb.toFixed(1))).toEqual(['0.5', '0.7']);
    expect(Array.from(bin1 as Float32Array).map((gb) => gb.toFixed(1))).toEqual(['4.0', '6.0']);
  });

  it('predicts the same after a save / load round trip', async () => {
    const { mixture } = await trainMemoryMixture(SETTINGS, jobs(300, false), jobs(60, false), { seed: 1, epochsScale: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'memory-mixture-'));
    try {
      await mixture.save(dir);
      const loaded = await loadMemoryMixture(dir, mixture.manifest);
      const args = [Float32Array.from([0.3, 0.7, 0, 0]), Float32Array.from([3]), Float32Array.from([1]), 1, 1] as const;
      expect(loaded.predict(...args)).toEqual(mixture.predict(...args));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
