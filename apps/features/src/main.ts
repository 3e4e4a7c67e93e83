import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadFeaturesConfig } from './config';
import { openFeaturesAdapters } from './distributed-adapters';
import { FeaturesModule } from './features.module';
import { JobStatusConsumer } from './ingest/job-status-consumer';
import { FeaturesMetrics } from './metrics/features-metrics';

/** The features service as its own process: Kafka job-status topic → PostgreSQL job_runs, HTTP /health and /metrics. */
async function main(): Promise<void> {
  const logger = new Logger('features');
  const config = loadFeaturesConfig();
  const adapters = await openFeaturesAdapters(config);
  const app = await NestFactory.create(FeaturesModule.forRoot({ settings: config.ingest, ...adapters }));
  app.get(FeaturesMetrics).collectProcessMetrics();
  await app.listen(config.port);
  await app.get(JobStatusConsumer).start();
  logger.log(`/health and /metrics on port ${config.port}`);

  let closing: Promise<void> | null = null;
  const shutdown = (reason: string) =>
    (closing ??= (async () => {
      logger.log(`stopping (${reason})`);
      await app.close();
      await adapters.close();
    })());
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`features: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
