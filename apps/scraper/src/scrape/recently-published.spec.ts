import type { SearchedDocument } from '../search/search-source.port';
import { RecentlyPublished } from './recently-published';

const at = (id: string, timestampMs: number): SearchedDocument => ({
  id,
  index: 'job_status',
  position: { timestampMs, tiebreaker: id },
  source: {},
});

describe('RecentlyPublished', () => {
  it('knows a document by id and timestamp, so an overwrite with a new timestamp is new', () => {
    const published = new RecentlyPublished();
    published.remember([at('a', 1_000)]);
    expect(published.has(at('a', 1_000))).toBe(true);
    expect(published.has(at('a', 2_000))).toBe(false);
  });

  it('forgets what precedes the window, and a late straggler once the newer entries before it go', () => {
    const published = new RecentlyPublished();
    published.remember([at('a', 1_000), at('b', 2_000), at('c', 3_000)]);
    published.remember([at('late', 1_500)]);

    published.forgetBefore(2_500);
    expect([at('a', 1_000), at('b', 2_000), at('c', 3_000), at('late', 1_500)].map((document) => published.has(document))).toEqual([
      false,
      false,
      true,
      true,
    ]);

    published.forgetBefore(4_000);
    expect(published.size).toBe(0);
  });
});
