import { Inject, Injectable, Logger } from '@nestjs/common';
import { ScraperMetrics } from '../metrics/scraper-metrics';
import { SEARCH_SOURCE, type PageRequest, type SearchSource, type SearchedDocument } from '../search/search-source.port';
import { messageOf } from './job-status-publisher';
import { retryWithBackoff } from './retry';
import { ScraperStatus } from './scraper-status';

/** Reads one page from the search engine, retrying with backoff while the engine is unreachable. */
@Injectable()
export class SearchReader {
  private readonly logger = new Logger('SearchReader');

  constructor(
    @Inject(SEARCH_SOURCE) private readonly source: SearchSource,
    private readonly metrics: ScraperMetrics,
    private readonly status: ScraperStatus,
  ) {}

  readPage(request: PageRequest, signal?: AbortSignal): Promise<SearchedDocument[]> {
    return retryWithBackoff(() => this.source.readPage(request), {
      operation: 'search',
      signal,
      onRetry: (error, attempt, delayMs) => {
        this.metrics.retries.inc({ operation: 'search' });
        this.status.state = 'retrying';
        this.status.lastError = `search ${this.source.engine} ${this.source.index}: ${messageOf(error)}`;
        this.logger.warn(`search of ${this.source.engine} index ${this.source.index} failed (attempt ${attempt}), retrying in ${delayMs} ms: ${messageOf(error)}`);
      },
    });
  }
}
