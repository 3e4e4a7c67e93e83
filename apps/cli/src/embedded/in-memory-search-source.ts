import { parseLenientTimestamp } from '@jobcast/contracts';
import type { PageRequest, SearchedDocument, SearchSource, SortPosition } from '@jobcast/scraper';

interface IndexedDocument {
  readonly position: SortPosition;
  readonly status: unknown;
  /** Kept as text: a parsed HySDS document takes several times the memory of its JSON. */
  readonly json: string;
}

/** Why a document cannot be indexed, as a search engine would refuse it. */
export interface UnindexableDocument {
  readonly reason: string;
}

/**
 * The built-in history as a search index: the embedded mode's stand-in for Mozart's `job_status-current` alias.
 * Like the real index, the document id is the payload_id (a later status of the same job overwrites the earlier
 * one), and pages come in (`@timestamp`, id) order so the scraper runs unchanged on top of it.
 */
export class InMemorySearchSource implements SearchSource {
  readonly engine = 'file' as const;
  private readonly byId = new Map<string, IndexedDocument>();
  private sorted: IndexedDocument[] | null = null;

  constructor(readonly index: string) {}

  get size(): number {
    return this.byId.size;
  }

  /** Documents whose (latest) status is one of these: what a scraper reading them will see. */
  countWithStatus(statuses: readonly string[]): number {
    const wanted = new Set<unknown>(statuses);
    let count = 0;
    for (const document of this.byId.values()) if (wanted.has(document.status)) count++;
    return count;
  }

  /** Indexes (or overwrites) one document; returns why it cannot be indexed, or null. */
  add(document: Record<string, unknown>): UnindexableDocument | null {
    const id = document['payload_id'];
    if (typeof id !== 'string' || id.trim() === '') return { reason: 'no payload_id (the document id of a job_status index)' };
    const stamp = typeof document['@timestamp'] === 'string' ? parseLenientTimestamp(document['@timestamp']) : null;
    if (stamp === null) return { reason: `@timestamp ${JSON.stringify(document['@timestamp'])} is not a date` };
    this.byId.set(id, { position: { timestampMs: Date.parse(stamp), tiebreaker: id }, status: document['status'], json: JSON.stringify(document) });
    this.sorted = null;
    return null;
  }

  async readPage(request: PageRequest): Promise<SearchedDocument[]> {
    const documents = this.inOrder();
    const statuses = new Set(request.statuses);
    const page: SearchedDocument[] = [];
    for (let i = this.firstCandidate(documents, request); i < documents.length && page.length < request.size; i++) {
      const document = documents[i];
      if (!statuses.has(document.status as string)) continue;
      page.push({ id: document.position.tiebreaker, index: this.index, position: document.position, source: JSON.parse(document.json) });
    }
    return page;
  }

  async close(): Promise<void> {
    this.byId.clear();
    this.sorted = null;
  }

  private inOrder(): IndexedDocument[] {
    this.sorted ??= [...this.byId.values()].sort((a, b) => compare(a.position, b.position));
    return this.sorted;
  }

  /** Index of the first document at or after `since` and strictly after `after` (binary search). */
  private firstCandidate(documents: IndexedDocument[], request: PageRequest): number {
    const sinceMs = request.since?.getTime() ?? Number.NEGATIVE_INFINITY;
    const isBefore = (position: SortPosition) =>
      position.timestampMs < sinceMs || (request.after !== null && compare(position, request.after) <= 0);
    let low = 0;
    let high = documents.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (isBefore(documents[mid].position)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function compare(a: SortPosition, b: SortPosition): number {
  if (a.timestampMs !== b.timestampMs) return a.timestampMs - b.timestampMs;
  return a.tiebreaker < b.tiebreaker ? -1 : a.tiebreaker > b.tiebreaker ? 1 : 0;
}
