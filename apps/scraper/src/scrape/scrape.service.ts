import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ScrapeSettings } from '../config';
import { SCRAPE_CURSOR_STORE, type ScrapeCursor, type ScrapeCursorStore } from '../cursor/scrape-cursor.port';
import { ScraperMetrics } from '../metrics/scraper-metrics';
import type { SearchedDocument, SortPosition } from '../search/search-source.port';
import { SCRAPE_SETTINGS } from '../tokens';
import { JobStatusPublisher, messageOf } from './job-status-publisher';
import { ProgressLog, formatDuration } from './progress-log';
import { RecentlyPublished } from './recently-published';
import { retryWithBackoff } from './retry';
import { ScraperStatus } from './scraper-status';
import { SearchReader } from './search-reader';

export interface PassSummary {
  documentsRead: number;
  documentsPublished: number;
  cursor: SortPosition | null;
}

/**
 * One incremental pass over the index: from the stored cursor (minus the overlap window, for documents indexed
 * late) to the newest document, page by page. A page's cursor is stored only after Kafka acknowledged the page,
 * so a crash re-publishes at most one page and never skips one.
 */
@Injectable()
export class ScrapeService {
  private readonly logger = new Logger('Scraper');
  private readonly recentlyPublished = new RecentlyPublished();
  private readonly progress = new ProgressLog(this.logger);

  constructor(
    @Inject(SCRAPE_SETTINGS) private readonly settings: ScrapeSettings,
    @Inject(SCRAPE_CURSOR_STORE) private readonly cursors: ScrapeCursorStore,
    private readonly reader: SearchReader,
    private readonly publisher: JobStatusPublisher,
    private readonly metrics: ScraperMetrics,
    private readonly status: ScraperStatus,
  ) {}

  async scrapeUntilCaughtUp(signal?: AbortSignal): Promise<PassSummary> {
    let cursor = await this.withRetry('load cursor', () => this.cursors.load(this.settings.cursorName), signal);
    const since = cursor ? new Date(cursor.position.timestampMs - this.settings.overlapMs) : this.settings.from;
    const summary: PassSummary = { documentsRead: 0, documentsPublished: 0, cursor: cursor?.position ?? null };
    // Without an overlap window the pass resumes strictly after the cursor; with one it re-reads the window.
    const start: SortPosition | null = this.settings.overlapMs === 0 && cursor ? cursor.position : null;
    const read = (after: SortPosition | null) =>
      this.reader.readPage({ statuses: this.settings.statuses, since, after, size: this.settings.pageSize }, signal);

    let next: Promise<SearchedDocument[]> | null = read(start);
    while (next && !signal?.aborted) {
      const page: SearchedDocument[] = await next;
      if (page.length === 0) break;
      const last = page[page.length - 1].position;
      // Read the next page while this one is published: the search engine and Kafka work at the same time.
      next = page.length < this.settings.pageSize ? null : read(last);
      next?.catch(() => undefined); // an abort while publishing leaves it unobserved; the loop ends anyway

      this.status.state = 'scraping';
      const fresh = page.filter((document) => !this.recentlyPublished.has(document));
      await this.publisher.publish(fresh, 'terminal', signal);
      this.recentlyPublished.remember(fresh);
      this.metrics.documentsRead.inc({ kind: 'terminal' }, page.length);
      this.metrics.overlapSkipped.inc(page.length - fresh.length);
      summary.documentsRead += page.length;
      summary.documentsPublished += fresh.length;

      if (!cursor || isAfter(last, cursor.position)) {
        const advanced: ScrapeCursor = {
          name: this.settings.cursorName,
          position: last,
          documentsPublished: (cursor?.documentsPublished ?? 0) + fresh.length,
        };
        await this.withRetry('save cursor', () => this.cursors.save(advanced), signal);
        cursor = advanced;
        summary.cursor = last;
        this.reportCursor(last, fresh.length);
      }
      // Nothing before the next pass's overlap window is read again.
      if (cursor) this.recentlyPublished.forgetBefore(cursor.position.timestampMs - this.settings.overlapMs);
    }
    return summary;
  }

  private reportCursor(position: SortPosition, published: number): void {
    const lagMs = Date.now() - position.timestampMs;
    this.status.cursor = position;
    this.status.lastError = null;
    this.metrics.cursorTimestamp.set(position.timestampMs / 1000);
    this.metrics.lag.set(lagMs / 1000);
    this.progress.record(
      published,
      (rate) =>
        `${rate} docs/s; cursor ${new Date(position.timestampMs).toISOString()} / ${position.tiebreaker}; lag ${formatDuration(lagMs)}`,
    );
  }

  private withRetry<T>(operation: string, attempt: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return retryWithBackoff(attempt, {
      operation,
      signal,
      onRetry: (error, attemptNumber, delayMs) => {
        this.metrics.retries.inc({ operation });
        this.status.state = 'retrying';
        this.status.lastError = `${operation}: ${messageOf(error)}`;
        this.logger.warn(`${operation} failed (attempt ${attemptNumber}), retrying in ${delayMs} ms: ${messageOf(error)}`);
      },
    });
  }
}

function isAfter(position: SortPosition, reference: SortPosition): boolean {
  if (position.timestampMs !== reference.timestampMs) return position.timestampMs > reference.timestampMs;
  return position.tiebreaker > reference.tiebreaker;
}
