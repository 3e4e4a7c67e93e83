import type { SortPosition } from '../search/search-source.port';

export type ScraperState = 'starting' | 'scraping' | 'caught-up' | 'retrying' | 'stopped' | 'failed';

/** What /health reports: the loop's state, the cursor and the last failure, updated by the scraping code. */
export class ScraperStatus {
  state: ScraperState = 'starting';
  cursor: SortPosition | null = null;
  lastError: string | null = null;
  lastCaughtUpAt: Date | null = null;

  get healthy(): boolean {
    return this.state !== 'failed' && this.state !== 'retrying';
  }
}
