import { MESSAGE_BUS, type MessageBus } from '@jobcast/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import type { ScrapeSettings } from './config';
import { SCRAPE_CURSOR_STORE, type ScrapeCursorStore } from './cursor/scrape-cursor.port';
import { ScraperHealthController } from './http/health.controller';
import { ScraperMetricsController } from './http/metrics.controller';
import { ScraperMetrics } from './metrics/scraper-metrics';
import { JobStatusPublisher } from './scrape/job-status-publisher';
import { QueuedSnapshotService } from './scrape/queued-snapshot.service';
import { ScrapeService } from './scrape/scrape.service';
import { ScraperRunner } from './scrape/scraper-runner';
import { ScraperStatus } from './scrape/scraper-status';
import { SearchReader } from './scrape/search-reader';
import { SEARCH_SOURCE, type SearchSource } from './search/search-source.port';
import { SCRAPE_SETTINGS } from './tokens';

export interface ScraperModuleOptions {
  settings: ScrapeSettings;
  searchSource: SearchSource;
  bus: MessageBus;
  cursors: ScrapeCursorStore;
  /** mount /health and /metrics; off when a host process (the embedded mode) serves its own */
  serveHttp?: boolean;
}

/**
 * The scraper as a module: search engine → job-status topic, with a stored cursor. Adapters come in through the
 * options, so the distributed app (Elasticsearch/OpenSearch, Kafka, PostgreSQL) and the embedded mode (file, in-process
 * bus, PGlite) share every line of the scraping logic. `ScraperRunner.start()` begins scraping.
 */
@Module({})
export class ScraperModule {
  static forRoot(options: ScraperModuleOptions): DynamicModule {
    return {
      module: ScraperModule,
      controllers: options.serveHttp === false ? [] : [ScraperHealthController, ScraperMetricsController],
      providers: [
        { provide: SCRAPE_SETTINGS, useValue: options.settings },
        { provide: SEARCH_SOURCE, useValue: options.searchSource },
        { provide: MESSAGE_BUS, useValue: options.bus },
        { provide: SCRAPE_CURSOR_STORE, useValue: options.cursors },
        ScraperMetrics,
        ScraperStatus,
        SearchReader,
        JobStatusPublisher,
        ScrapeService,
        QueuedSnapshotService,
        ScraperRunner,
      ],
      exports: [ScraperRunner, ScrapeService, QueuedSnapshotService, ScraperMetrics, ScraperStatus],
    };
  }
}
