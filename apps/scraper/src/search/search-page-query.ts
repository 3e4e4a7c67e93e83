import type { PageRequest, SearchedDocument } from './search-source.port';

/**
 * Client options both engines' clients take. Pages are parsed with plain JSON.parse: the prototype-poisoning scan of
 * every page costs more than the parse, and the documents are only read and serialized again, never merged into
 * other objects.
 */
export const SEARCH_CLIENT_OPTIONS = { requestTimeout: 60_000, maxRetries: 0, disablePrototypePoisoningProtection: true } as const;

/**
 * The query both engines run: a status filter, a lower bound on `@timestamp` (its range also skips documents
 * without one, which no order could place), an upper bound at the engine's `now` so a document stamped in the
 * future waits for its time instead of pushing the cursor ahead, and `search_after` paging on
 * (`@timestamp`, tiebreaker). The lower bound follows the page position, so the engine never matches the documents
 * already read again (without it every page of a long backfill matches everything from the pass's start).
 * No hit totals: counting would cost a pass over the index on every page.
 */
export function buildPageQuery(request: PageRequest, tiebreakField: string): Record<string, unknown> {
  const timestampRange: Record<string, string> = { lte: 'now' };
  const lowerBoundMs = Math.max(request.since?.getTime() ?? Number.NEGATIVE_INFINITY, request.after?.timestampMs ?? Number.NEGATIVE_INFINITY);
  if (Number.isFinite(lowerBoundMs)) timestampRange['gte'] = new Date(lowerBoundMs).toISOString();
  return {
    size: request.size,
    track_total_hits: false,
    query: {
      bool: {
        filter: [{ terms: { status: [...request.statuses] } }, { range: { '@timestamp': timestampRange } }],
      },
    },
    sort: [{ '@timestamp': { order: 'asc' } }, { [tiebreakField]: { order: 'asc' } }],
    ...(request.after ? { search_after: [request.after.timestampMs, request.after.tiebreaker] } : {}),
  };
}

interface RawHit {
  _id?: unknown;
  _index?: unknown;
  _source?: unknown;
  sort?: unknown;
}

/** Turns a search response body into documents; a response of an unexpected shape is an error, not an empty page. */
export function readPageHits(body: unknown): SearchedDocument[] {
  const hits = (body as { hits?: { hits?: unknown } } | null)?.hits?.hits;
  if (!Array.isArray(hits)) throw new Error('search response has no hits.hits array');
  return hits.map((hit: RawHit) => {
    const [timestampMs, tiebreaker] = Array.isArray(hit.sort) ? hit.sort : [];
    if (typeof hit._id !== 'string' || typeof timestampMs !== 'number' || tiebreaker === null || tiebreaker === undefined) {
      throw new Error(`search hit ${String(hit._id)} lacks its sort values (is the tiebreak field mapped as keyword?)`);
    }
    return {
      id: hit._id,
      index: typeof hit._index === 'string' ? hit._index : '',
      position: { timestampMs, tiebreaker: String(tiebreaker) },
      source: typeof hit._source === 'object' && hit._source !== null ? (hit._source as Record<string, unknown>) : {},
    };
  });
}
