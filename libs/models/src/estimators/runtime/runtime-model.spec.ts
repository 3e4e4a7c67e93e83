import { completedRun } from './job-run-fixture';
import { RuntimeModel, fitRuntimeModel } from './runtime-model';

const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 0, minute)).toISOString();

describe('RuntimeModel', () => {
  it('has no answer before any run', () => {
    expect(RuntimeModel.empty().estimate({ jobType: 'a', instanceType: 'c5.large' })).toBeNull();
  });

  it('answers a known pair from its own runs, p50 a value seen, with level job-type+instance', () => {
    const runs = [100, 110, 120, 130, 140].map((seconds, minute) =>
      completedRun({ jobType: 'a', instanceType: 'c5.large', durationSeconds: seconds, endedAt: at(minute) }),
    );
    const answer = fitRuntimeModel(runs, { shrinkage: 0 }).estimate({ jobType: 'a', instanceType: 'c5.large' });
    expect(answer).toMatchObject({ level: 'job-type+instance', fallback: false, samples: 5, units: 'seconds' });
    expect(runs.map((run) => run.durationSeconds)).toContain(answer?.p50);
    expect(answer?.p50).toBeLessThanOrEqual(answer?.p90 as number);
    expect(answer?.p90).toBeLessThanOrEqual(answer?.p99 as number);
  });

  it('follows recent behaviour: newer runs weigh more', () => {
    const runs = [...Array(10).fill(100), ...Array(3).fill(1000)].map((seconds, minute) =>
      completedRun({ jobType: 'a', instanceType: 'c5.large', durationSeconds: seconds, endedAt: at(minute) }),
    );
    const answer = fitRuntimeModel(runs, { halfLifeSamples: 2, shrinkage: 0 }).estimateRuntime('a', 'c5.large');
    expect(answer?.p50).toBe(1000);
  });

  it('falls back to the job type on another instance, then to everything, and says so', () => {
    const model = fitRuntimeModel([
      completedRun({ jobType: 'a', instanceType: 'c5.large', durationSeconds: 100, endedAt: at(0) }),
      completedRun({ jobType: 'b', instanceType: 'c5.large', durationSeconds: 5000, endedAt: at(1) }),
    ]);
    expect(model.estimateRuntime('a', 'r5.large')).toMatchObject({ level: 'job-type', fallback: true });
    expect(model.estimateRuntime('unseen', 'c5.large')).toMatchObject({ level: 'global', fallback: true, samples: 2 });
  });

  it('shrinks a sparse pair toward its parent: weight n / (n + shrinkage)', () => {
    const model = fitRuntimeModel(
      [
        completedRun({ jobType: 'a', instanceType: 'c5.large', durationSeconds: 100, endedAt: at(0) }),
        completedRun({ jobType: 'a', instanceType: 'm5.large', durationSeconds: 300, endedAt: at(1) }),
      ],
      { shrinkage: 1, halfLifeSamples: 1000 },
    );
    // means (recency weights almost flat): global {100, 300} → 200; type `a` {100, 300} → 200;
    // pair {100}, n = 1, weight 1 / (1 + 1): ½ × 100 + ½ × 200 = 150
    expect(model.estimateRuntime('a', 'c5.large')?.mean).toBeCloseTo(150, 1);
  });

  it('answers an unseen job type from the nearest job types by features', () => {
    const runs = [
      ...[1, 2, 3].map((minute) =>
        completedRun({ jobType: 'small', durationSeconds: 60, endedAt: at(minute), features: { user: 'u1', tiles: 1 } }),
      ),
      ...[4, 5, 6].map((minute) =>
        completedRun({ jobType: 'huge', durationSeconds: 9000, endedAt: at(minute), features: { user: 'u2', tiles: 1000 } }),
      ),
    ];
    const model = fitRuntimeModel(runs, { neighbours: 1 });
    const answer = model.estimate({ jobType: 'new', instanceType: null, features: { user: 'u2', tiles: 900 } });
    expect(answer).toMatchObject({ level: 'neighbours', fallback: true });
    expect(answer?.p50).toBeGreaterThan(8000);
  });

  it('never answers beyond the time limit', () => {
    const model = fitRuntimeModel([completedRun({ jobType: 'a', instanceType: 'x', durationSeconds: 7200, endedAt: at(0) })]);
    const answer = model.estimate({ jobType: 'a', instanceType: 'x', timeLimitSeconds: 3600 });
    expect(answer).toMatchObject({ p50: 3600, p90: 3600, p99: 3600, mean: 3600 });
  });

  it('learns only from completed runs with a duration', () => {
    const model = RuntimeModel.empty();
    expect(model.observe(completedRun({ jobType: 'a', durationSeconds: 5, status: 'job-failed' }))).toBe(false);
    expect(model.observe(completedRun({ jobType: 'a', durationSeconds: null }))).toBe(false);
    expect(model.observe(completedRun({ jobType: 'a', durationSeconds: 5 }))).toBe(true);
    expect(model.runCount).toBe(1);
  });

  it('round-trips through JSON with the same answers', () => {
    const runs = [3, 1, 4, 1, 5, 9, 2, 6].map((seconds, minute) =>
      completedRun({
        jobType: minute % 2 ? 'a' : 'b',
        instanceType: 'c5.large',
        durationSeconds: seconds * 60,
        endedAt: at(minute),
        features: { user: `u${minute % 3}`, size: seconds },
      }),
    );
    const model = fitRuntimeModel(runs);
    const restored = RuntimeModel.fromJSON(JSON.parse(JSON.stringify(model)));
    for (const query of [
      { jobType: 'a', instanceType: 'c5.large' },
      { jobType: 'b', instanceType: null },
      { jobType: 'c', instanceType: 'm5.large', features: { user: 'u1', size: 4 } },
    ]) {
      expect(restored.estimate(query)).toEqual(model.estimate(query));
    }
  });

  it('rejects a stored model of another shape, naming the field', () => {
    expect(() => RuntimeModel.fromJSON({ format: 'jobcast.runtime-model', version: 1 })).toThrow(/options/);
  });
});
