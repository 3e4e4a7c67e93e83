import { QUEUED_JOB_STATUS } from '@jobcast/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ScrapeSettings } from '../config';
import { ScraperMetrics } from '../metrics/scraper-metrics';
import type { SortPosition } from '../search/search-source.port';
import { SCRAPE_SETTINGS } from '../tokens';
import { JobStatusPublisher } from './job-status-publisher';
import { SearchReader } from './search-reader';

/**
 * Publishes every document currently in `job-queued` (on the job-status topic, status unchanged): the queue-time
 * model learns from what waited, and the predictor predicts for what waits now. No cursor: a snapshot is the
 * whole queue at one moment.
 */
@Injectable()
export class QueuedSnapshotService {
  private readonly logger = new Logger('QueuedSnapshot');

  constructor(
    @Inject(SCRAPE_SETTINGS) private readonly settings: ScrapeSettings,
    private readonly reader: SearchReader,
    private readonly publisher: JobStatusPublisher,
    private readonly metrics: ScraperMetrics,
  ) {}

  async publishSnapshot(signal?: AbortSignal): Promise<number> {
    let after: SortPosition | null = null;
    let published = 0;
    while (!signal?.aborted) {
      const page = await this.reader.readPage(
        { statuses: [QUEUED_JOB_STATUS], since: null, after, size: this.settings.pageSize },
        signal,
      );
      if (page.length === 0) break;
      this.metrics.documentsRead.inc({ kind: 'queued' }, page.length);
      await this.publisher.publish(page, 'queued', signal);
      published += page.length;
      after = page[page.length - 1].position;
      if (page.length < this.settings.pageSize) break;
    }
    this.logger.log(`snapshot of the queue: ${published} queued jobs published`);
    return published;
  }
}
