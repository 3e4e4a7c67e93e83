export * from './config';
export * from './features.module';
export * from './ingest/job-status-consumer';
export * from './ingest/job-status-ingest.service';
export * from './ingest/ingest-status';
export * from './metrics/features-metrics';
export * from './distributed-adapters';
