import { logLevel } from 'kafkajs';
import { kafkaConfigFromEnv } from './kafka-config';

describe('kafkaConfigFromEnv', () => {
  it('reads the brokers and names the client after the service', () => {
    const config = kafkaConfigFromEnv('jobcast-scraper', { KAFKA_BROKERS: 'localhost:9092, kafka-2:9093' });
    expect(config).toMatchObject({ clientId: 'jobcast-scraper', brokers: ['localhost:9092', 'kafka-2:9093'], logLevel: logLevel.WARN });
  });

  it('lets KAFKA_CLIENT_ID and KAFKA_LOG_LEVEL override the defaults', () => {
    const config = kafkaConfigFromEnv('jobcast-scraper', {
      KAFKA_BROKERS: 'localhost:9092',
      KAFKA_CLIENT_ID: 'ops-backfill',
      KAFKA_LOG_LEVEL: 'error',
    });
    expect(config).toMatchObject({ clientId: 'ops-backfill', logLevel: logLevel.ERROR });
  });

  it('names a missing KAFKA_BROKERS', () => {
    expect(() => kafkaConfigFromEnv('x', {})).toThrow(/KAFKA_BROKERS: is required/);
  });

  it('names a malformed broker', () => {
    expect(() => kafkaConfigFromEnv('x', { KAFKA_BROKERS: 'localhost' })).toThrow(/KAFKA_BROKERS.*host:port/);
  });

  it('names a bad log level', () => {
    expect(() => kafkaConfigFromEnv('x', { KAFKA_BROKERS: 'h:1', KAFKA_LOG_LEVEL: 'loud' })).toThrow(/KAFKA_LOG_LEVEL/);
  });
});
