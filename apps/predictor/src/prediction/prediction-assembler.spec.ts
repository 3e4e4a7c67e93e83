import { fixtureCalcloudModel, fixtureRuntimeFamily } from '../../test-support/fixture-models';
import { HOURLY_PRICES, runtimeSamples } from '../../test-support/samples';
import type { LoadedModel } from '../models/model-ports';
import { PredictionAssembler, type ServableSnapshot } from './prediction-assembler';
import type { PredictionSubject } from './prediction-subject';

const loaded = <F extends 'runtime' | 'calcloud'>(family: F, model: LoadedModel<F>['model']): LoadedModel<F> =>
  ({ family, version: `${family}-v1`, location: 'memory', loadedAt: '2026-11-22T00:00:00Z', model }) as LoadedModel<F>;
const snapshot = (): ServableSnapshot => ({
  runtime: loaded('runtime', fixtureRuntimeFamily(runtimeSamples(), HOURLY_PRICES)),
  calcloud: loaded('calcloud', fixtureCalcloudModel()),
  'condor-hold': null,
});
const job = (payloadId: string, instance: string | null): PredictionSubject => ({
  payloadId,
  jobType: 'job-hello_world:develop',
  instance,
  calcloud: null,
  calcloudProblem: null,
});

describe('PredictionAssembler', () => {
  it('answers a job without calcloud inputs from shared frozen parts, as a fresh assembler would', () => {
    const models = snapshot();
    const assembler = new PredictionAssembler(models);
    const first = assembler.assemble(job('a', 'm5.xlarge'), null);
    const second = assembler.assemble(job('b', 'm5.xlarge'), null);
    expect(second).toEqual({ ...first, payloadId: 'b' });
    expect(second.cost).toBe(first.cost);
    expect(Object.isFrozen(first.cost) && Object.isFrozen(first.runtime) && Object.isFrozen(first.notes)).toBe(true);
    expect(() => first.notes.push('changed')).toThrow(TypeError);
    expect(new PredictionAssembler(models).assemble(job('a', 'm5.xlarge'), null)).toEqual(first);
  });

  it('keeps the answers of different instances, and of no instance, apart', () => {
    const assembler = new PredictionAssembler(snapshot());
    const onInstance = assembler.assemble(job('a', 'm5.xlarge'), null);
    const anywhere = assembler.assemble(job('a', null), null);
    expect(onInstance.instance).toBe('m5.xlarge');
    expect(anywhere.instance).toBeNull();
    expect(anywhere.cost).not.toBe(onInstance.cost);
  });

  it('shares the runtime statistics and model versions of calcloud answers, and nothing per job', () => {
    const models = snapshot();
    const assembler = new PredictionAssembler(models);
    const features = { n_files: 7, total_mb: 105, drizcorr: 1, pctecorr: 1, crsplit: 2, subarray: 0, detector: 1, dtype: 1, instr: 3 } as const;
    const subject = { ...job('ia2l51030', null), jobType: 'job-hst_calibration:wfc3', calcloud: features };
    const [answer] = models.calcloud!.model.predictBatch([features]);
    const first = assembler.assemble(subject, answer);
    const second = assembler.assemble(subject, answer);
    expect(second).toEqual(first);
    expect(second.runtime).toBe(first.runtime);
    expect(second.models).toBe(first.models);
    expect(second.memory).not.toBe(first.memory);
    expect(Object.isFrozen(first.memory)).toBe(false);
  });
});
