import type { JobRunRepository } from '@jobcast/db';
import { MESSAGE_BUS, type MessageBus } from '@jobcast/messaging';
import { type DynamicModule, Module } from '@nestjs/common';
import type { IngestSettings } from './config';
import { FeaturesHealthController } from './http/health.controller';
import { FeaturesMetricsController } from './http/metrics.controller';
import { IngestStatus } from './ingest/ingest-status';
import { JobStatusConsumer } from './ingest/job-status-consumer';
import { JobStatusIngestService } from './ingest/job-status-ingest.service';
import { FeaturesMetrics } from './metrics/features-metrics';
import { INGEST_SETTINGS, JOB_RUN_REPOSITORY } from './tokens';

export interface FeaturesModuleOptions {
  settings: IngestSettings;
  bus: MessageBus;
  jobRuns: JobRunRepository;
  /** mount /health and /metrics; off when a host process (the embedded mode) serves its own */
  serveHttp?: boolean;
}

/**
 * The features service as a module: job-status topic → validate → normalize → job_runs, bad records to the
 * dead-letter topic. Adapters come in through the options (Kafka + PostgreSQL, or the in-process bus + PGlite).
 * `JobStatusConsumer.start()` begins consuming.
 */
@Module({})
export class FeaturesModule {
  static forRoot(options: FeaturesModuleOptions): DynamicModule {
    return {
      module: FeaturesModule,
      controllers: options.serveHttp === false ? [] : [FeaturesHealthController, FeaturesMetricsController],
      providers: [
        { provide: INGEST_SETTINGS, useValue: options.settings },
        { provide: MESSAGE_BUS, useValue: options.bus },
        { provide: JOB_RUN_REPOSITORY, useValue: options.jobRuns },
        FeaturesMetrics,
        IngestStatus,
        JobStatusIngestService,
        JobStatusConsumer,
      ],
      exports: [JobStatusConsumer, JobStatusIngestService, FeaturesMetrics, IngestStatus],
    };
  }
}
