import { InMemorySearchSource } from './in-memory-search-source';

const doc = (payloadId: string, timestamp: string, status = 'job-completed') => ({ payload_id: payloadId, '@timestamp': timestamp, status });

describe('InMemorySearchSource', () => {
  const source = new InMemorySearchSource('job_status-current');
  source.add(doc('c', '2026-09-01T00:00:03Z'));
  source.add(doc('a', '2026-09-01T00:00:01Z'));
  source.add(doc('b', '2026-09-01T00:00:03.000000+00:00Z'));
  source.add(doc('q', '2026-09-01T00:00:02Z', 'job-queued'));
  const page = (request: Partial<Parameters<InMemorySearchSource['readPage']>[0]>) =>
    source.readPage({ statuses: ['job-completed'], since: null, after: null, size: 10, ...request }).then((docs) => docs.map((d) => d.id));

  it('pages in (@timestamp, id) order, reading odd `+00:00Z` stamps, filtered by status', async () => {
    expect(await page({})).toEqual(['a', 'b', 'c']);
    expect(await page({ statuses: ['job-queued'] })).toEqual(['q']);
  });

  it('counts the documents a scraper of some statuses will read', () => {
    expect(source.countWithStatus(['job-completed'])).toBe(3);
    expect(source.countWithStatus(['job-queued', 'job-started'])).toBe(1);
    expect(source.countWithStatus([])).toBe(0);
  });

  it('resumes strictly after a position and from a date', async () => {
    const first = await source.readPage({ statuses: ['job-completed'], since: null, after: null, size: 2 });
    expect(first.map((d) => d.id)).toEqual(['a', 'b']);
    expect(await page({ after: first[1].position })).toEqual(['c']);
    expect(await page({ since: new Date('2026-09-01T00:00:02Z') })).toEqual(['b', 'c']);
  });

  it('lets a later status of the same payload overwrite the earlier one, as the HySDS index does', async () => {
    const overwritten = new InMemorySearchSource('x');
    overwritten.add(doc('p', '2026-09-01T00:00:01Z', 'job-queued'));
    overwritten.add(doc('p', '2026-09-01T00:05:00Z', 'job-completed'));
    expect(overwritten.size).toBe(1);
    const [only] = await overwritten.readPage({ statuses: ['job-completed', 'job-queued'], since: null, after: null, size: 10 });
    expect(only.source['status']).toBe('job-completed');
  });

  it('refuses documents a search index could not sort, with the reason', () => {
    const refusing = new InMemorySearchSource('x');
    expect(refusing.add({ '@timestamp': '2026-09-01T00:00:00Z' })?.reason).toMatch(/payload_id/);
    expect(refusing.add({ payload_id: 'p', '@timestamp': 'yesterday' })?.reason).toMatch(/not a date/);
    expect(refusing.size).toBe(0);
  });
});
