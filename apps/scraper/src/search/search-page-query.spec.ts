import { buildPageQuery, readPageHits } from './search-page-query';

describe('search page query', () => {
  it('filters statuses and the time window, sorts by @timestamp then the tiebreaker, and resumes after a position', () => {
    const query = buildPageQuery(
      { statuses: ['job-completed'], since: new Date('2024-01-01T00:00:00Z'), after: { timestampMs: 1_710_000_000_000, tiebreaker: 'p-9' }, size: 500 },
      '_id',
    );
    expect(query).toEqual({
      size: 500,
      track_total_hits: false,
      query: {
        bool: {
          filter: [{ terms: { status: ['job-completed'] } }, { range: { '@timestamp': { lte: 'now', gte: '2024-03-09T16:00:00.000Z' } } }],
        },
      },
      sort: [{ '@timestamp': { order: 'asc' } }, { _id: { order: 'asc' } }],
      search_after: [1_710_000_000_000, 'p-9'],
    });
  });

  it('bounds the window by since before the first page', () => {
    const query = buildPageQuery({ statuses: ['job-completed'], since: new Date('2024-01-01T00:00:00Z'), after: null, size: 10 }, '_id');
    expect(JSON.stringify(query)).toContain('"gte":"2024-01-01T00:00:00.000Z"');
  });

  it('starts from the beginning without since or after', () => {
    const query = buildPageQuery({ statuses: ['job-queued'], since: null, after: null, size: 10 }, 'payload_id');
    expect(query).not.toHaveProperty('search_after');
    expect(JSON.stringify(query)).not.toContain('gte');
  });

  it('reads hits with their sort position', () => {
    const hits = readPageHits({ hits: { hits: [{ _id: 'p-1', _index: 'job_status-2024.01.01', _source: { a: 1 }, sort: [1000, 'p-1'] }] } });
    expect(hits).toEqual([{ id: 'p-1', index: 'job_status-2024.01.01', position: { timestampMs: 1000, tiebreaker: 'p-1' }, source: { a: 1 } }]);
  });

  it('refuses a response without hits or a hit without sort values instead of reading an empty page', () => {
    expect(() => readPageHits({ error: 'boom' })).toThrow(/no hits.hits/);
    expect(() => readPageHits({ hits: { hits: [{ _id: 'p-1', _source: {} }] } })).toThrow(/p-1 lacks its sort values/);
  });
});
