import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ScrapeSettings } from '../config';
import { SCRAPE_SETTINGS } from '../tokens';
import { messageOf } from './job-status-publisher';
import { QueuedSnapshotService } from './queued-snapshot.service';
import { abortableDelay } from './retry';
import { ScrapeService, type PassSummary } from './scrape.service';
import { ScraperStatus } from './scraper-status';

/**
 * Drives the scraper in its mode: `backfill` runs passes until one comes back caught up, then finishes;
 * `tail` keeps polling every interval and snapshots the queue on its own schedule.
 */
@Injectable()
export class ScraperRunner implements OnApplicationShutdown {
  private readonly logger = new Logger('ScraperRunner');
  private abort: AbortController | null = null;
  private running: Promise<PassSummary> | null = null;

  constructor(
    @Inject(SCRAPE_SETTINGS) private readonly settings: ScrapeSettings,
    private readonly scrape: ScrapeService,
    private readonly snapshots: QueuedSnapshotService,
    private readonly status: ScraperStatus,
  ) {}

  /** Starts the loop (once); the promise settles when a backfill caught up or the loop was stopped. */
  start(): Promise<PassSummary> {
    if (this.running) return this.running;
    this.abort = new AbortController();
    const signal = this.abort.signal;
    this.logger.log(`scraping in ${this.settings.mode} mode, cursor "${this.settings.cursorName}"`);
    this.running = (this.settings.mode === 'backfill' ? this.backfill(signal) : this.tail(signal)).then(
      (summary) => {
        this.status.state = 'stopped';
        return summary;
      },
      (error: unknown) => {
        this.status.state = signal.aborted ? 'stopped' : 'failed';
        this.status.lastError = messageOf(error);
        throw error;
      },
    );
    return this.running;
  }

  /**
   * Stops the loop and waits for it, at most `graceMs`: a publish to an unreachable Kafka keeps retrying inside the
   * client, and closing the bus afterwards is what ends it (the page stays unrecorded, so nothing is skipped).
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.abort?.abort();
    if (!this.running) return;
    // Interrupted waits rethrow their last error; the stop itself is what matters here.
    const graceOver = new AbortController();
    await Promise.race([this.running.catch(() => undefined), abortableDelay(graceMs, graceOver.signal)]);
    graceOver.abort();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  private async backfill(signal: AbortSignal): Promise<PassSummary> {
    const summary = await this.scrape.scrapeUntilCaughtUp(signal);
    if (!signal.aborted) {
      this.markCaughtUp();
      this.logger.log(`backfill caught up: ${summary.documentsRead} documents read, ${summary.documentsPublished} published`);
    }
    return summary;
  }

  private async tail(signal: AbortSignal): Promise<PassSummary> {
    const total: PassSummary = { documentsRead: 0, documentsPublished: 0, cursor: null };
    let nextSnapshotAt = Date.now();
    while (!signal.aborted) {
      accumulate(total, await this.scrape.scrapeUntilCaughtUp(signal));
      if (this.settings.queuedSnapshotIntervalMs > 0 && Date.now() >= nextSnapshotAt && !signal.aborted) {
        await this.snapshots.publishSnapshot(signal);
        nextSnapshotAt = Date.now() + this.settings.queuedSnapshotIntervalMs;
      }
      if (!signal.aborted) this.markCaughtUp();
      await abortableDelay(this.settings.pollIntervalMs, signal);
    }
    return total;
  }

  private markCaughtUp(): void {
    this.status.state = 'caught-up';
    this.status.lastCaughtUpAt = new Date();
  }
}

function accumulate(total: PassSummary, pass: PassSummary): void {
  total.documentsRead += pass.documentsRead;
  total.documentsPublished += pass.documentsPublished;
  total.cursor = pass.cursor ?? total.cursor;
}
