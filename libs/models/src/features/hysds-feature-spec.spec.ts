import { HysdsFeatureSpec, type HysdsFeatureInput } from './hysds-feature-spec';

const runs: HysdsFeatureInput[] = [
  { jobType: 'job-a:1', queue: 'small', instanceType: 'c5.large', inputCount: 10, inputBytes: 1e6, features: { mode: 'x', tiles: 4 } },
  { jobType: 'job-b:1', queue: 'large', instanceType: 'c5.9xlarge', inputCount: 1000, inputBytes: 1e9, features: { mode: 'y', tiles: 64 } },
  { jobType: 'job-a:1', queue: 'small', instanceType: null, inputCount: null, inputBytes: null, features: { tiles: true } },
];

describe('HysdsFeatureSpec', () => {
  const spec = HysdsFeatureSpec.fit(runs);

  it('lays out one-hot blocks (most frequent first, ties by name) led by an unknown slot, then log-scaled numbers', () => {
    expect(spec.featureNames).toEqual([
      'jobType=unknown', 'jobType=job-a:1', 'jobType=job-b:1',
      'queue=unknown', 'queue=small', 'queue=large',
      'instanceType=unknown', 'instanceType=c5.9xlarge', 'instanceType=c5.large',
      'mode=unknown', 'mode=x', 'mode=y',
      'input_count', 'input_bytes', 'tiles',
    ]);
    expect(spec.dimension).toBe(15);
  });

  it('puts unseen and missing categories in the unknown slot', () => {
    const vector = spec.vectorise({ jobType: 'job-new:1', queue: null, instanceType: 'r5.large', features: { mode: 'z' } });
    expect([vector[0], vector[3], vector[6], vector[9]]).toEqual([1, 1, 1, 1]);
    expect(vector.slice(12)).toEqual(new Float64Array([0, 0, 0]));
  });

  it('standardises log-scaled numbers so that the fitted ones centre on 0', () => {
    const counts = runs.map((run) => spec.vectorise(run)[12]);
    expect(counts[0] + counts[1]).toBeCloseTo(0, 12);
    expect(counts[0]).toBeLessThan(counts[1]);
  });

  it('caps vocabularies: rare values share the unknown slot', () => {
    const capped = HysdsFeatureSpec.fit(runs, { maxCategories: 1 });
    expect(capped.featureNames.filter((name) => name.startsWith('jobType='))).toEqual(['jobType=unknown', 'jobType=job-a:1']);
  });

  it('can leave the job type out, for comparing job types with each other', () => {
    expect(HysdsFeatureSpec.fit(runs, { includeJobType: false }).featureNames[0]).toBe('queue=unknown');
  });

  it('round-trips through JSON and rejects a foreign spec', () => {
    const restored = HysdsFeatureSpec.fromJSON(JSON.parse(JSON.stringify(spec)));
    expect(restored.vectorise(runs[1])).toEqual(spec.vectorise(runs[1]));
    expect(() => HysdsFeatureSpec.fromJSON({ kind: 'calcloud' })).toThrow(/kind/);
  });
});
