import { loadPredictorConfig } from './config';

describe('loadPredictorConfig', () => {
  it('applies defaults', () => {
    expect(loadPredictorConfig({})).toMatchObject({ PORT: 3000, GRPC_PORT: 50051, HOST: '0.0.0.0', PREDICTOR_GROUP_ID: 'jobcast-predictor', PREDICTOR_BODY_LIMIT: 32 * 1024 * 1024 });
    expect(loadPredictorConfig({ PREDICTOR_BODY_LIMIT: '64kb' }).PREDICTOR_BODY_LIMIT).toBe(64 * 1024);
    expect(loadPredictorConfig({ PREDICTOR_BODY_LIMIT: '1000' }).PREDICTOR_BODY_LIMIT).toBe(1000);
  });

  it('treats empty optional variables as unset', () => {
    expect(loadPredictorConfig({ KAFKA_BROKERS: '', PREDICTOR_ADMIN_TOKEN: ' ' })).toMatchObject({ KAFKA_BROKERS: undefined, PREDICTOR_ADMIN_TOKEN: undefined });
  });

  it('names every bad variable', () => {
    expect(() => loadPredictorConfig({ PORT: 'eighty', TRAINER_URL: 'not a url', PREDICTOR_BODY_LIMIT: 'huge' })).toThrow(
      /invalid predictor configuration: .*PORT: .*TRAINER_URL: .*PREDICTOR_BODY_LIMIT: a size such as 32mb/,
    );
  });
});
