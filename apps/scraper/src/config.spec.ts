import { loadScraperConfig } from './config';

const base = { DATABASE_URL: 'postgres://localhost/jobcast', ELASTICSEARCH_URL: 'http://localhost:9200' };

describe('loadScraperConfig', () => {
  it('defaults to tailing job_status-current on Elasticsearch for terminal statuses', () => {
    const config = loadScraperConfig(base);
    expect(config).toMatchObject({ engine: 'elasticsearch', searchUrl: 'http://localhost:9200', index: 'job_status-current', tiebreakField: '_id', port: 3001 });
    expect(config.scrape).toMatchObject({
      mode: 'tail',
      cursorName: 'elasticsearch:job_status-current',
      pollIntervalMs: 5_000,
      overlapMs: 120_000,
      queuedSnapshotIntervalMs: 300_000,
      topic: 'jobcast.job-status.v1',
      deadLetterTopic: 'jobcast.job-status.dlq.v1',
      maxMessageBytes: 16 * 1024 * 1024,
      statuses: ['job-completed', 'job-failed', 'job-deduped', 'job-offline', 'job-revoked', 'job-unknown'],
    });
  });

  it('reads OpenSearch settings, a status list and a backfill start', () => {
    const config = loadScraperConfig({
      DATABASE_URL: 'pglite://memory',
      SCRAPER_ENGINE: 'opensearch',
      OPENSEARCH_URL: 'http://localhost:9201',
      SCRAPER_MODE: 'backfill',
      SCRAPER_FROM: '2024-01-01T00:00:00Z',
      SCRAPER_STATUSES: 'job-completed, job-failed',
    });
    expect(config).toMatchObject({ engine: 'opensearch', searchUrl: 'http://localhost:9201' });
    expect(config.scrape).toMatchObject({ mode: 'backfill', from: new Date('2024-01-01T00:00:00Z'), statuses: ['job-completed', 'job-failed'] });
  });

  it('names the URL variable the chosen engine needs', () => {
    expect(() => loadScraperConfig({ DATABASE_URL: 'pglite://memory', SCRAPER_ENGINE: 'opensearch' })).toThrow(
      /OPENSEARCH_URL: is required when SCRAPER_ENGINE=opensearch/,
    );
  });

  it.each([
    ['SCRAPER_ENGINE', 'solr'],
    ['SCRAPER_FROM', 'last tuesday'],
    ['SCRAPER_PAGE_SIZE', '20000'],
    ['SCRAPER_STATUSES', ' , '],
    ['DATABASE_SCHEMA', 'Drop Table'],
  ])('names a bad %s', (variable, value) => {
    expect(() => loadScraperConfig({ ...base, [variable]: value })).toThrow(new RegExp(variable));
  });

  it('names a missing DATABASE_URL', () => {
    expect(() => loadScraperConfig({ ELASTICSEARCH_URL: 'http://localhost:9200' })).toThrow(/DATABASE_URL: is required/);
  });
});
