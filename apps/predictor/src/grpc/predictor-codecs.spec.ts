import { loadSync, type ServiceDefinition } from '@grpc/proto-loader';
import { PREDICTOR_PROTO_PATH, PROTO_ROOT, type Prediction } from '@jobcast/contracts';
import { withMemory, withoutMemory } from '../../test-support/sample-predictions';
import { deepFreeze } from '../prediction/deep-freeze';
import { SharedPartsPrediction } from '../prediction/shared-parts-prediction';
import { bodyOfGrpcRequest } from './grpc-request.mapper';
import { usePredictorCodecs } from './predictor-codecs';

const LOADER = { includeDirs: [PROTO_ROOT], keepCase: false, longs: Number, enums: String, defaults: false, oneofs: true };

describe('usePredictorCodecs', () => {
  const original = loadSync(PREDICTOR_PROTO_PATH, LOADER)['jobcast.v1.Predictor'] as ServiceDefinition;
  const definition = loadSync(PREDICTOR_PROTO_PATH, LOADER);
  usePredictorCodecs(definition);
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

  it('writes the same bytes for values at the edges of their encodings', () => {
    const long = 'x'.repeat(200);
    const prediction: Prediction = {
      ...withMemory,
      payloadId: '',
      jobType: 'job-é:ünïcode-😀',
      memory: { ...withMemory.memory!, bin: 0, costAwareBin: -1, gb: 0, binProbabilities: [0, 1, Number.MIN_VALUE, 1 / 3] },
      runtime: { ...withMemory.runtime!, samples: 2 ** 40, mean: 1e300, fallback: false, level: long },
      cost: { ...withMemory.cost!, expectedUsd: 0, instance: '', perInstance: Array.from({ length: 16 }, (_, i) => ({ instance: `i${i}`, usd: i / 7, hourlyUsd: i })) },
      models: {},
      notes: ['', long, `${long}é`, 'ø'.repeat(70)],
    };
    for (const method of ['Predict', 'PredictBatch']) {
      const answer = method === 'Predict' ? prediction : { predictions: [prediction, withMemory, prediction] };
      expect(Buffer.from(direct[method].responseSerialize(answer))).toEqual(Buffer.from(original[method].responseSerialize(answer)));
    }
  });

  describe('requests', () => {
    const bodyVia = (codec: ServiceDefinition, method: string, bytes: Buffer) => bodyOfGrpcRequest(codec[method].requestDeserialize(bytes));
    const bytesOf = (request: object) => original['Predict'].requestSerialize(request) as Buffer;
    const cases: [string, Buffer, unknown][] = [
      ['empty', bytesOf({}), { ok: false, issues: [{ field: 'input', message: 'set one of job, calcloud or job_status_json' }] }],
      ['only a request id', bytesOf({ requestId: 'r' }), { ok: false, issues: [{ field: 'input', message: 'set one of job, calcloud or job_status_json' }] }],
      ['empty job', bytesOf({ job: {} }), { ok: true, body: { jobType: '' } }],
      ['job', bytesOf({ job: { payloadId: 'p', jobType: 't', instanceType: 'c5.xlarge', queue: 'q' } }), { ok: true, body: { payloadId: 'p', jobType: 't', instanceType: 'c5.xlarge', queue: 'q' } }],
      ['job with empty optional texts', bytesOf({ job: { payloadId: '', jobType: 't', instanceType: '' } }), { ok: true, body: { payloadId: '', jobType: 't', instanceType: '' } }],
      [
        'job with features',
        bytesOf({ job: { jobType: 't', features: { DETECTOR: 'UVIS', a: '' }, numericFeatures: { n_files: 3, a: 0 } } }),
        { ok: true, body: { jobType: 't', features: { DETECTOR: 'UVIS', a: 0, n_files: 3 } } },
      ],
      ['empty calcloud', bytesOf({ calcloud: {} }), { ok: true, body: { dataset: '', n_files: 0, total_mb: 0 } }],
      [
        'calcloud',
        bytesOf({ calcloud: { dataset: 'ia2l51030', nFiles: 7, totalMb: 305.5, detector: 'UVIS', subarray: false, drizcorr: 'PERFORM', pctecorr: '', crsplit: 0 } }),
        { ok: true, body: { dataset: 'ia2l51030', n_files: 7, total_mb: 305.5, DETECTOR: 'UVIS', SUBARRAY: false, DRIZCORR: 'PERFORM', PCTECORR: '', CRSPLIT: 0 } },
      ],
      ['calcloud with zeros on the wire', bytesOf({ calcloud: { dataset: '', nFiles: 0, totalMb: 0, subarray: true } }), { ok: true, body: { dataset: '', n_files: 0, total_mb: 0, SUBARRAY: true } }],
      ['job status JSON', bytesOf({ jobStatusJson: '{"type":"job-x"}', requestId: 'r' }), { ok: true, body: { type: 'job-x' } }],
      ['empty job status JSON', bytesOf({ jobStatusJson: '' }), { ok: false, issues: [{ field: 'job_status_json', message: 'not JSON: Unexpected end of JSON input' }] }],
      // several members of the oneof on the wire: the last in field order is read
      ['calcloud after job', Buffer.concat([bytesOf({ calcloud: { dataset: 'd' } }), bytesOf({ job: { jobType: 't' } })]), { ok: true, body: { dataset: 'd', n_files: 0, total_mb: 0 } }],
      ['job after job status JSON', Buffer.concat([bytesOf({ jobStatusJson: '{}' }), bytesOf({ job: { jobType: 't' } })]), { ok: true, body: {} }],
    ];

    it.each(cases)('maps a decoded %s as proto-loader’s object', (_name, bytes, expected) => {
      for (const method of ['Predict', 'PredictStream']) {
        expect(bodyVia(direct, method, bytes)).toEqual(expected);
        expect(bodyVia(original, method, bytes)).toEqual(expected);
      }
    });

    it('maps the items of a decoded batch as proto-loader’s objects', () => {
      const bytes = original['PredictBatch'].requestSerialize({ items: cases.map(([, item]) => original['Predict'].requestDeserialize(item)) }) as Buffer;
      const bodies = (codec: ServiceDefinition) => ((codec['PredictBatch'].requestDeserialize(bytes) as { items?: object[] }).items ?? []).map(bodyOfGrpcRequest);
      expect(bodies(direct)).toEqual(bodies(original));
      expect(bodies(direct)).toHaveLength(cases.length);
      expect((direct['PredictBatch'].requestDeserialize(original['PredictBatch'].requestSerialize({})) as { items?: object[] }).items ?? []).toEqual([]);
    });
  });

  it('leaves the other methods to proto-loader', () => {
    // proto-loader's (de)serializers are named `serialize` and `deserialize`
    expect(direct['QueueTime'].responseSerialize.name).toBe('serialize');
    expect(direct['QueueTime'].requestDeserialize.name).toBe('deserialize');
    expect(direct['Predict'].responseSerialize.name).not.toBe('serialize');
    expect(direct['PredictBatch'].requestDeserialize.name).not.toBe('deserialize');
  });
});
