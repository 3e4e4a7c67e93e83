import { loadSync, type ServiceDefinition } from '@grpc/proto-loader';
import { PREDICTOR_PROTO_PATH, PROTO_ROOT, type Prediction } from '@jobcast/contracts';
import { encodePredictionAnswersDirectly } from './prediction-answer-encoders';

const LOADER = { includeDirs: [PROTO_ROOT], keepCase: false, longs: Number, enums: String, defaults: false, oneofs: true };

const withMemory: Prediction = {
  payloadId: 'ia2l51030',
  jobType: 'hst-calibration:wfc3',
  instance: null,
  memory: { bin: 1, binProbabilities: [0.01, 0.97, 0.01, 0.01], gb: 3.2, costAwareBin: 1, costAwareInstance: 'm5a.2xlarge' },
  wallclock: { seconds: 2961.25, killTimeSeconds: 7200, source: 'calcloud' },
  runtime: { mean: 122.5, stdev: 14.36, p50: 120, p90: 140, p99: 160, samples: 12, level: 'job-type', fallback: true, units: 'seconds' },
  cost: { expectedUsd: 0.28, instance: 'm5a.2xlarge', perInstance: [{ instance: 'm5a.2xlarge', usd: 0.28, hourlyUsd: 0.344 }], units: 'USD' },
  models: { calcloud: 'c1', runtime: 'r1', prices: '2024-06-01.1' },
  notes: ['runtime: no history for (hst-calibration:wfc3, m5a.2xlarge); answered at level job-type'],
};
const withoutMemory: Prediction = {
  ...withMemory,
  payloadId: null,
  jobType: 'job-hello_world:develop',
  instance: 'c5.9xlarge',
  memory: null,
  wallclock: { seconds: 120, killTimeSeconds: 160, source: 'runtime' },
  cost: { expectedUsd: null, instance: null, perInstance: [], units: 'USD' },
  notes: [],
};

describe('encodePredictionAnswersDirectly', () => {
  const original = loadSync(PREDICTOR_PROTO_PATH, LOADER)['jobcast.v1.Predictor'] as ServiceDefinition;
  const definition = loadSync(PREDICTOR_PROTO_PATH, LOADER);
  encodePredictionAnswersDirectly(definition);
  const direct = definition['jobcast.v1.Predictor'] as ServiceDefinition;

  it.each([
    ['Predict', withMemory],
    ['Predict', withoutMemory],
    ['PredictBatch', { predictions: [withMemory, withoutMemory] }],
    ['PredictStream', { requestId: 'r1', prediction: withoutMemory }],
    ['PredictStream', { requestId: 'r2', error: { issues: [{ field: 'calcloud.n_files', message: 'must be positive' }] } }],
  ])('writes the same bytes as proto-loader for %s', (method, answer) => {
    const bytes = direct[method].responseSerialize(answer);
    expect(Buffer.from(bytes)).toEqual(Buffer.from(original[method].responseSerialize(answer)));
    expect(direct[method].responseDeserialize(bytes)).toEqual(original[method].responseDeserialize(bytes));
  });

  it('leaves the other methods to proto-loader', () => {
    // proto-loader's serializers are named `serialize`
    expect(direct['QueueTime'].responseSerialize.name).toBe('serialize');
    expect(direct['Predict'].responseSerialize.name).not.toBe('serialize');
  });
});
