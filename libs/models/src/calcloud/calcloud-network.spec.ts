import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../random/seeded-random';
import { loadCalcloudBundle, saveCalcloudBundle } from './calcloud-bundle';
import type { CalcloudRow } from './calcloud-dataset';
import { memoryBinOf } from './calcloud-targets';
import { trainCalcloud } from './calcloud-training';
import { CALCLOUD_INPUTS, calcloudInputMatrix } from './calcloud-vectors';

/** Synthetic jobs whose memory grows with the input size, so the calcloud networks have something to learn. */
function syntheticRows(count: number): CalcloudRow[] {
  const random = seededRandom(7);
  return Array.from({ length: count }, (_, i) => {
    const nFiles = 1 + Math.floor(random() * 30);
    const totalMb = Math.round(random() * 600);
    const detector = random() < 0.5 ? 1 : 0;
    const memoryGb = i % 60 === 0 ? 10 : 0.5 + totalMb / 150 + detector;
    return {
      id: `i${String(i).padStart(8, '0')}`,
      features: { n_files: nFiles, total_mb: totalMb, drizcorr: 1, pctecorr: 0, crsplit: 1, subarray: 0, detector, dtype: 1, instr: 3 },
      memoryGb,
      wallclockSeconds: 100 + totalMb * 3,
      memBin: memoryBinOf(memoryGb),
    } as CalcloudRow;
  });
}

describe('calcloud networks (TensorFlow.js)', () => {
  it('train repeatably with a seed and survive a save / load round trip', async () => {
    const rows = syntheticRows(600);
    const options = { config: 'fast-network', seed: 3, epochsScale: 0.05 } as const;
    const first = await trainCalcloud(rows, options);
    const second = await trainCalcloud(rows, options);
    expect(second.metrics.accuracy).toBe(first.metrics.accuracy);
    expect(second.results.memory.predicted).toEqual(first.results.memory.predicted);
    expect(first.bundle.memClf.kind).toBe('network');

    const dir = mkdtempSync(join(tmpdir(), 'calcloud-nn-'));
    try {
      await saveCalcloudBundle(first.bundle, dir);
      const loaded = await loadCalcloudBundle(dir);
      const inputs = rows.slice(0, 5).map((r) => r.features);
      expect(loaded.predictBatch(inputs)).toEqual(first.bundle.predictBatch(inputs));
      // a network reads its columns out of a wider matrix as out of its own
      const own = calcloudInputMatrix(loaded.tx, inputs);
      const stride = CALCLOUD_INPUTS + 3;
      const wider = new Float32Array(inputs.length * stride).fill(Number.NaN);
      inputs.forEach((_, row) => wider.set(own.subarray(row * CALCLOUD_INPUTS, (row + 1) * CALCLOUD_INPUTS), row * stride));
      expect(loaded.memReg.predict(wider, inputs.length, stride)).toEqual(loaded.memReg.predict(own, inputs.length));
      loaded.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      first.bundle.dispose();
      second.bundle.dispose();
    }
  }, 120_000);
});
