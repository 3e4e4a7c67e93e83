import type { SortPosition } from '../search/search-source.port';

/** A named scrape position: the sort key of the last document whose batch Kafka acknowledged. */
export interface ScrapeCursor {
  name: string;
  position: SortPosition;
  documentsPublished: number;
}

/** Where cursors survive restarts (PostgreSQL, or PGlite in the embedded mode). */
export interface ScrapeCursorStore {
  load(name: string): Promise<ScrapeCursor | null>;
  save(cursor: ScrapeCursor): Promise<void>;
}

export const SCRAPE_CURSOR_STORE = 'jobcast.scraper.ScrapeCursorStore';
