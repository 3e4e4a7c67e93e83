import { fitMemoryOffsets, MemoryOffsetter, outOfFoldMemoryResiduals } from './memory-offsets';

describe('memory offsets', () => {
  // program "a2l": residuals +3 and +1 in visit "a2l51", −1 in visit "a2l52"; program "bbb": one residual of −2
  const offsetter = new MemoryOffsetter(fitMemoryOffsets(['ia2l51030', 'ia2l51q4q', 'ia2l52030', 'ibbb01010', undefined], [3, 1, -1, -2, 100], 2));
  const offsetOf = (ipst: string | undefined) => offsetter.offsetOf(ipst);

  it('shrinks a program toward 0 and a visit toward its program, by the smoothing pseudo-count', () => {
    const program = (3 + 1 - 1) / (3 + 2);
    expect(offsetOf('ia2l51abc')).toBeCloseTo((3 + 1 + 2 * program) / (2 + 2));
    expect(offsetOf('ia2l99010')).toBeCloseTo(program);
    expect(offsetOf('ibbb01010')).toBeCloseTo((-2 + 2 * (-2 / 3)) / 3);
  });

  it('gives 0 to unknown programs and missing or short ids', () => {
    for (const ipst of ['izzz01010', undefined, 'ia2']) expect(offsetOf(ipst)).toBe(0);
  });

  it('adds the offsets in place, never below 0', () => {
    const memory = Float32Array.from([1, 0.5, 2]);
    offsetter.apply(memory, [{ ipst: 'ia2l51030' }, { ipst: 'ibbb01010' }, {}]);
    expect(memory[0]).toBeCloseTo(1 + offsetOf('ia2l51030'));
    expect(memory[1]).toBe(0);
    expect(memory[2]).toBe(2);
  });

  it('computes each training row’s residual from regressors that did not see it', async () => {
    // y = 10 for x < 0.5 else 0, plus one row breaking the pattern: its residual stays large because it is held out
    const xs = Array.from({ length: 200 }, (_, i) => (i % 100) / 100);
    const ys = xs.map((x, i) => (i === 7 ? 5 : x < 0.5 ? 10 : 0));
    const data = { x: Float32Array.from(xs), y: Float32Array.from(ys), rows: xs.length };
    const settings = { kind: 'boosted_trees' as const, trees: { rounds: 50, learningRate: 0.3, maxDepth: 2, minChildWeight: 1, lambda: 0, patience: 50, subsample: 1 } };
    const residuals = await outOfFoldMemoryResiduals(settings, data, data, 5, { seed: 1, epochsScale: 1 });
    expect(residuals[7]).toBeLessThan(-3);
    expect(Math.abs(residuals[8])).toBeLessThan(1);
  });
});
