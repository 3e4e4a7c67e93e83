import { loadFeaturesConfig } from './config';

describe('loadFeaturesConfig', () => {
  it('defaults to the job-status topics and the jobcast-features group', () => {
    expect(loadFeaturesConfig({ DATABASE_URL: 'postgres://localhost/jobcast' })).toEqual({
      databaseUrl: 'postgres://localhost/jobcast',
      databaseSchema: 'public',
      port: 3002,
      ingest: { topic: 'jobcast.job-status.v1', deadLetterTopic: 'jobcast.job-status.dlq.v1', groupId: 'jobcast-features' },
    });
  });

  it('names a missing DATABASE_URL and a bad PORT', () => {
    expect(() => loadFeaturesConfig({ PORT: 'eighty' })).toThrow(/DATABASE_URL: is required.*PORT/);
  });
});
