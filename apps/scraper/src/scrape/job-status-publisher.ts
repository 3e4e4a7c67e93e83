import { type EncodedJobStatusMessage, encodeJobStatusMessage } from '@jobcast/contracts';
import { type DeadLetter, MESSAGE_BUS, type MessageBus, messageBytes, publishDeadLetters } from '@jobcast/messaging';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ScrapeSettings } from '../config';
import { ScraperMetrics } from '../metrics/scraper-metrics';
import { SEARCH_SOURCE, type SearchSource, type SearchedDocument } from '../search/search-source.port';
import { SCRAPE_SETTINGS } from '../tokens';
import { retryWithBackoff } from './retry';
import { ScraperStatus } from './scraper-status';

export type PublishedKind = 'terminal' | 'queued';

/** Room for what a record batch holds besides keys and values (headers, lengths, offsets, CRC). */
const RECORD_BATCH_OVERHEAD_BYTES = 1024;

/**
 * Wraps documents in the job-status envelope (key = payload_id) and publishes them as one batch, retrying with
 * backoff until Kafka acknowledges; returns only then, so the caller may advance its cursor. A document larger
 * than the topic accepts would be refused on every retry: it goes to the dead-letter topic instead, cut, with the
 * reason, and the batch goes on.
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
    const messages: EncodedJobStatusMessage[] = [];
    const tooLarge: DeadLetter[] = [];
    for (const document of documents) {
      const origin = { engine: this.source.engine, index: document.index || null, documentId: document.id };
      const message = encodeJobStatusMessage({ origin, scrapedAt, document: document.source });
      const bytes = messageBytes(message) + RECORD_BATCH_OVERHEAD_BYTES;
      if (bytes <= this.settings.maxMessageBytes) {
        messages.push(message);
        continue;
      }
      const reason = `document of ${bytes} bytes is larger than ${this.settings.topic} accepts (${this.settings.maxMessageBytes} bytes)`;
      this.logger.warn(`${document.id}: ${reason}; dead-lettered`);
      tooLarge.push({ reason, message: { topic: this.settings.topic, partition: null, offset: null, ...message } });
    }
    await this.withRetry(messages.length, () => this.bus.publish(this.settings.topic, messages), signal);
    await this.withRetry(tooLarge.length, () => publishDeadLetters(this.bus, tooLarge, this.settings.deadLetterTopic), signal);
    this.metrics.documentsPublished.inc({ kind }, messages.length);
    this.metrics.deadLettered.inc(tooLarge.length);
  }

  private withRetry(count: number, publish: () => Promise<void>, signal?: AbortSignal): Promise<void> {
    return retryWithBackoff(publish, {
      operation: 'publish',
      signal,
      onRetry: (error, attempt, delayMs) => {
        this.metrics.retries.inc({ operation: 'publish' });
        this.status.state = 'retrying';
        this.status.lastError = `publish to Kafka: ${messageOf(error)}`;
        this.logger.warn(`publish of ${count} documents failed (attempt ${attempt}), retrying in ${delayMs} ms: ${messageOf(error)}`);
      },
    });
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
