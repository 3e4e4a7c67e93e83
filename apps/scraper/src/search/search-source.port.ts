/**
 * Position of a document in the scrape order: `@timestamp` (epoch ms) then a unique tiebreaker
 * (the document `_id` or its `payload_id`). Paging resumes strictly after a position.
 */
export interface SortPosition {
  timestampMs: number;
  tiebreaker: string;
}

export interface SearchedDocument {
  /** the search engine's `_id` (HySDS writes the payload_id there) */
  id: string;
  /** the concrete index the document lives in (an alias spans many) */
  index: string;
  position: SortPosition;
  source: Record<string, unknown>;
}

export interface PageRequest {
  /** only documents in one of these statuses */
  statuses: readonly string[];
  /** only documents whose `@timestamp` is at or after this instant; null = from the beginning */
  since: Date | null;
  /** resume strictly after this position; null = from the first document matching `since` */
  after: SortPosition | null;
  size: number;
}

/**
 * Where job_status documents are read from, in ascending (`@timestamp`, tiebreaker) order. Adapters:
 * Elasticsearch 7.x and OpenSearch 2.x (paging with `search_after`, no point-in-time API needed); the embedded mode
 * can plug a file.
 */
export interface SearchSource {
  readonly engine: 'elasticsearch' | 'opensearch' | 'file';
  /** the index or alias read */
  readonly index: string;
  readPage(request: PageRequest): Promise<SearchedDocument[]>;
  close(): Promise<void>;
}

export const SEARCH_SOURCE = 'jobcast.scraper.SearchSource';
