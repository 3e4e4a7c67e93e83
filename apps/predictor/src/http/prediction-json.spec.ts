import type { Prediction } from '@jobcast/contracts';
import { withMemory } from '../../test-support/sample-predictions';
import { deepFreeze } from '../prediction/deep-freeze';
import { SharedPartsPrediction } from '../prediction/shared-parts-prediction';
import { batchAnswerJson, predictionJson } from './prediction-json';

const calcloud: Prediction = {
  ...withMemory,
  memory: { ...withMemory.memory!, binProbabilities: [0.01, 0.9700000286102295, 0.01, 0.01] },
  notes: ['runtime: no history for (job-hst_calibration:wfc3, m5a.2xlarge); answered at level "job-type"'],
};
const { payloadId: _payloadId, ...runtimeOnly } = {
  ...calcloud,
  jobType: 'job-\u2603 "quoted"',
  instance: 'c5.9xlarge',
  memory: null,
  wallclock: { seconds: 120, killTimeSeconds: 160, source: 'runtime' as const },
  cost: { expectedUsd: null, instance: null, perInstance: [], units: 'USD' as const },
  notes: [],
};
const shared = deepFreeze(runtimeOnly);

describe('prediction JSON', () => {
  it.each([
    ['fresh', calcloud],
    ['with frozen parts', { ...calcloud, runtime: shared.runtime, models: shared.models }],
    ['built from a frozen runtime-only answer', { payloadId: null, ...shared }],
    ['made of shared parts', new SharedPartsPrediction('ia2l51030', shared)],
    ['made of shared parts, without a payload id', new SharedPartsPrediction(null, shared)],
    ['with text to escape', { ...calcloud, payloadId: 'a "b"\\c\n', jobType: 'job-\u2603', instance: '\ud800' }],
  ])('writes %s predictions exactly as JSON.stringify, from the cache too', (_kind, prediction) => {
    expect(predictionJson(prediction)).toBe(JSON.stringify(prediction));
    expect(predictionJson(prediction)).toBe(JSON.stringify(prediction));
  });

  it('writes a batch answer in pieces that join to the whole answer', () => {
    const many = Array.from({ length: 250 }, (_, i) => new SharedPartsPrediction(`p${i}`, shared));
    const chunks: Prediction[][] = [[calcloud, { payloadId: 'a', ...shared }], [], many];
    const pieces = [...batchAnswerJson(chunks)];
    // the opening, one piece for the first chunk, three of at most 100 predictions for the last, the closing
    expect(pieces).toHaveLength(6);
    expect(pieces.join('')).toBe(JSON.stringify({ predictions: chunks.flat() }));
    expect([...batchAnswerJson([])].join('')).toBe('{"predictions":[]}');
  });
});
