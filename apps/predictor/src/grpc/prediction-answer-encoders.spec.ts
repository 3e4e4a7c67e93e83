import { loadSync, type ServiceDefinition } from '@grpc/proto-loader';
import { PREDICTOR_PROTO_PATH, PROTO_ROOT, type Prediction } from '@jobcast/contracts';
import { withMemory, withoutMemory } from '../../test-support/sample-predictions';
import { deepFreeze } from '../prediction/deep-freeze';
import { SharedPartsPrediction } from '../prediction/shared-parts-prediction';
import { encodePredictionAnswersDirectly } from './prediction-answer-encoders';

const LOADER = { includeDirs: [PROTO_ROOT], keepCase: false, longs: Number, enums: String, defaults: false, oneofs: true };

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

  it('writes the same bytes when parts are shared (frozen, or a whole prediction but its id) and encoded once', () => {
    const shared = deepFreeze({ runtime: { ...withMemory.runtime! }, models: { ...withMemory.models }, notes: [...withMemory.notes], cost: { ...withoutMemory.cost! } });
    const { payloadId: _payloadId, ...runtimeOnly } = withoutMemory;
    const parts = deepFreeze(structuredClone(runtimeOnly));
    const predictions: Prediction[] = [
      { ...withMemory, runtime: shared.runtime, models: shared.models, notes: shared.notes },
      new SharedPartsPrediction('c', parts),
      new SharedPartsPrediction(null, parts),
      { ...withoutMemory, payloadId: 'a', runtime: shared.runtime, cost: shared.cost, models: shared.models },
      { ...withoutMemory, payloadId: 'b', runtime: shared.runtime, cost: shared.cost, models: shared.models, notes: shared.notes },
    ];
    for (let pass = 0; pass < 2; pass++) {
      for (const prediction of predictions) {
        expect(Buffer.from(direct['Predict'].responseSerialize(prediction))).toEqual(Buffer.from(original['Predict'].responseSerialize(prediction)));
      }
      const batch = { predictions };
      expect(Buffer.from(direct['PredictBatch'].responseSerialize(batch))).toEqual(Buffer.from(original['PredictBatch'].responseSerialize(batch)));
    }
  });

  it('leaves the other methods to proto-loader', () => {
    // proto-loader's serializers are named `serialize`
    expect(direct['QueueTime'].responseSerialize.name).toBe('serialize');
    expect(direct['Predict'].responseSerialize.name).not.toBe('serialize');
  });
});
