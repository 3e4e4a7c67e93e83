import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadScraperConfig } from './config';
import { openScraperAdapters } from './distributed-adapters';
import { ScraperMetrics } from './metrics/scraper-metrics';
import { ScraperModule } from './scraper.module';
import { ScraperRunner } from './scrape/scraper-runner';

/** The scraper as its own process: Elasticsearch/OpenSearch → Kafka, cursor in PostgreSQL, HTTP /health and /metrics. */
async function main(): Promise<void> {
  const logger = new Logger('scraper');
  const config = loadScraperConfig();
  const adapters = await openScraperAdapters(config);
  const app = await NestFactory.create(ScraperModule.forRoot({ settings: config.scrape, ...adapters }));
  app.get(ScraperMetrics).collectProcessMetrics();
  await app.listen(config.port);
  logger.log(`reading ${config.engine} index ${config.index}; /health and /metrics on port ${config.port}`);

  let closing: Promise<void> | null = null;
  const shutdown = (reason: string) =>
    (closing ??= (async () => {
      logger.log(`stopping (${reason})`);
      await app.close();
      await adapters.close();
    })());
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  const runner = app.get(ScraperRunner);
  try {
    await runner.start();
  } catch (error) {
    process.exitCode = 1;
    logger.error(`scraping stopped: ${error instanceof Error ? error.message : String(error)}`);
  }
  // A backfill ends when it caught up; a tail ends only on a signal.
  await shutdown(config.scrape.mode === 'backfill' ? 'backfill caught up' : 'scraping ended');
}

main().catch((error: unknown) => {
  console.error(`scraper: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
