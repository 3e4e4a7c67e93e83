import { SeededRandom, WeightedChoice } from './random';

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draws uniforms in [0, 1) and standard normals with mean 0 and deviation 1', () => {
    const random = new SeededRandom(7);
    const n = 50_000;
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const u = random.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      const z = random.normal();
      sum += z;
      sumSquares += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.sqrt(sumSquares / n)).toBeCloseTo(1, 1);
  });

  it('draws log-normals around their median', () => {
    const random = new SeededRandom(3);
    const values = Array.from({ length: 20_001 }, () => random.logNormal(100, 0.5)).sort((a, b) => a - b);
    expect(values[10_000]).toBeGreaterThan(95);
    expect(values[10_000]).toBeLessThan(105);
  });

  it('formats hex strings and UUIDs', () => {
    const random = new SeededRandom(1);
    expect(random.hex(13)).toMatch(/^[0-9a-f]{13}$/);
    expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('WeightedChoice', () => {
  it('picks items in proportion to their weights', () => {
    const choice = new WeightedChoice(['a', 'b', 'c'], [1, 0, 3]);
    const random = new SeededRandom(11);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 40_000; i++) counts[choice.pick(random)]++;
    expect(counts['b']).toBe(0);
    expect(counts['c'] / counts['a']).toBeGreaterThan(2.8);
    expect(counts['c'] / counts['a']).toBeLessThan(3.2);
  });

  it('rejects weights that do not describe a distribution', () => {
    expect(() => new WeightedChoice(['a'], [1, 2])).toThrow(/as many weights/);
    expect(() => new WeightedChoice(['a', 'b'], [0, 0])).toThrow(/positive total/);
    expect(() => new WeightedChoice(['a'], [-1])).toThrow(/non-negative/);
  });
});
