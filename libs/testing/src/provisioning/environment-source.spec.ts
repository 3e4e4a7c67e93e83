import { addressFromEnvironment } from './environment-source';

describe('addressFromEnvironment', () => {
  it('is undefined when the variable is unset or blank', () => {
    expect(addressFromEnvironment('kafka', {})).toBeUndefined();
    expect(addressFromEnvironment('postgres', { DATABASE_URL: '  ' })).toBeUndefined();
  });

  it('reads each service from its own variable', () => {
    const environment = {
      KAFKA_BROKERS: 'broker-1:9092, broker-2:9092',
      ELASTICSEARCH_URL: 'http://127.0.0.1:19200',
      OPENSEARCH_URL: 'https://search.example:9200',
      DATABASE_URL: 'postgresql://jobcast:secret@db:5432/jobcast',
    };
    expect(addressFromEnvironment('kafka', environment)).toBe('broker-1:9092,broker-2:9092');
    expect(addressFromEnvironment('elasticsearch', environment)).toBe('http://127.0.0.1:19200');
    expect(addressFromEnvironment('opensearch', environment)).toBe('https://search.example:9200');
    expect(addressFromEnvironment('postgres', environment)).toBe('postgresql://jobcast:secret@db:5432/jobcast');
  });

  it('names the variable when a value is malformed', () => {
    expect(() => addressFromEnvironment('kafka', { KAFKA_BROKERS: 'http://broker:9092' })).toThrow(
      'KAFKA_BROKERS="http://broker:9092" is not a comma-separated list of host:port',
    );
    expect(() => addressFromEnvironment('elasticsearch', { ELASTICSEARCH_URL: 'tcp://127.0.0.1:9200' })).toThrow(
      /^ELASTICSEARCH_URL="tcp:\/\/127.0.0.1:9200" must start with http:\/\/ or https:\/\//,
    );
    expect(() => addressFromEnvironment('postgres', { DATABASE_URL: 'not a url' })).toThrow(
      'DATABASE_URL="not a url" is not a URL',
    );
  });
});
