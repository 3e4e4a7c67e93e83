import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

/** The scraper's Prometheus metrics, in a registry of its own so several modules can share one process. */
export class ScraperMetrics {
  readonly registry = new Registry();

  readonly documentsRead = new Counter({
    name: 'jobcast_scraper_documents_read_total',
    help: 'job_status documents read from the search engine',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly documentsPublished = new Counter({
    name: 'jobcast_scraper_documents_published_total',
    help: 'documents Kafka acknowledged',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly deadLettered = new Counter({
    name: 'jobcast_scraper_dead_lettered_total',
    help: 'documents sent to the dead-letter topic instead of the job-status topic (larger than it accepts)',
    registers: [this.registry],
  });

  readonly overlapSkipped = new Counter({
    name: 'jobcast_scraper_overlap_skipped_total',
    help: 'documents re-read in the overlap window and not published again',
    registers: [this.registry],
  });

  readonly retries = new Counter({
    name: 'jobcast_scraper_retries_total',
    help: 'failed attempts that will be retried, by operation',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  readonly cursorTimestamp = new Gauge({
    name: 'jobcast_scraper_cursor_timestamp_seconds',
    help: '@timestamp of the last published document (epoch seconds)',
    registers: [this.registry],
  });

  readonly lag = new Gauge({
    name: 'jobcast_scraper_lag_seconds',
    help: 'now minus the cursor @timestamp',
    registers: [this.registry],
  });

  /** process metrics (RSS, event-loop lag, GC); only for a process that runs the scraper alone */
  collectProcessMetrics(): void {
    collectDefaultMetrics({ register: this.registry, prefix: 'jobcast_scraper_' });
  }
}
