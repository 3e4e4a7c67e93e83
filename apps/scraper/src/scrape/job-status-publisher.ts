import { encodeJobStatusMessage } from '@jobcast/contracts';
import { MESSAGE_BUS, type MessageBus } from '@jobcast/messaging';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ScrapeSettings } from '../config';
import { ScraperMetrics } from '../metrics/scraper-metrics';
import { SEARCH_SOURCE, type SearchSource, type SearchedDocument } from '../search/search-source.port';
import { SCRAPE_SETTINGS } from '../tokens';
import { retryWithBackoff } from './retry';
import { ScraperStatus } from './scraper-status';

export type PublishedKind = 'terminal' | 'queued';

/**
 * Wraps documents in the job-status envelope (key = payload_id) and publishes them as one batch, retrying with
 * backoff until Kafka acknowledges; returns only then, so the caller may advance its cursor.
 */
@Injectable()
export class JobStatusPublisher {
  private readonly logger = new Logger('JobStatusPublisher');

  constructor(
    @Inject(SCRAPE_SETTINGS) private readonly settings: ScrapeSettings,
    @Inject(SEARCH_SOURCE) private readonly source: SearchSource,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly metrics: ScraperMetrics,
    private readonly status: ScraperStatus,
  ) {}

  async publish(documents: readonly SearchedDocument[], kind: PublishedKind, signal?: AbortSignal): Promise<void> {
    if (documents.length === 0) return;
    const scrapedAt = new Date().toISOString();
    const messages = documents.map((document) =>
      encodeJobStatusMessage({
        version: 1,
        origin: { engine: this.source.engine, index: document.index || null, documentId: document.id },
        scrapedAt,
        document: document.source,
      }),
    );
    await retryWithBackoff(() => this.bus.publish(this.settings.topic, messages), {
      operation: 'publish',
      signal,
      onRetry: (error, attempt, delayMs) => {
        this.metrics.retries.inc({ operation: 'publish' });
        this.status.state = 'retrying';
        this.status.lastError = `publish to ${this.settings.topic}: ${messageOf(error)}`;
        this.logger.warn(`publish of ${messages.length} documents failed (attempt ${attempt}), retrying in ${delayMs} ms: ${messageOf(error)}`);
      },
    });
    this.metrics.documentsPublished.inc({ kind }, documents.length);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
