import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseLenientTimestamp } from '@jobcast/contracts';
import { FeaturesMetrics, FeaturesModule, JobStatusConsumer, loadFeaturesConfig, openFeaturesAdapters } from '@jobcast/features-app';
import { ScraperModule, ScraperRunner, loadScraperConfig, openScraperAdapters } from '@jobcast/scraper';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { Counter } from 'prom-client';

interface BackfillFlags {
  from: string;
  engine?: 'elasticsearch' | 'opensearch';
  index?: string;
}

const isoDate = (value: string): string => {
  const iso = parseLenientTimestamp(value);
  if (iso === null) throw new InvalidArgumentError('must be a date, e.g. 2021-05-11 or 2021-05-11T00:00:00Z');
  return iso;
};

/**
 * `jobcast backfill --from <date>`: the scraper (search engine → Kafka) and the features pipeline (Kafka →
 * job_runs) in one process, until the scraper caught up and the consumer group drained the topic; then a summary.
 * Reads the services' environment (SCRAPER_*, ELASTICSEARCH_URL/OPENSEARCH_URL, KAFKA_BROKERS, DATABASE_URL, …).
 * Its cursor is its own (`<engine>:<index>:from:<date>`): a killed backfill run again with the same `--from` resumes.
 */
export function register(program: Command): void {
  program
    .command('backfill')
    .description('scrape the search engine from a date into job_runs through Kafka, then exit with a summary')
    .requiredOption('--from <date>', 'first @timestamp to read (ISO-8601)', isoDate)
    .addOption(new Option('--engine <engine>', 'search engine (default: SCRAPER_ENGINE)').choices(['elasticsearch', 'opensearch']))
    .option('--index <name>', 'index or alias (default: SCRAPER_INDEX, else job_status-current)')
    .action(async (flags: BackfillFlags) => backfill(flags));
}

async function backfill(flags: BackfillFlags): Promise<void> {
  const started = Date.now();
  const overrides: NodeJS.ProcessEnv = { SCRAPER_MODE: 'backfill', SCRAPER_FROM: flags.from };
  if (flags.engine) overrides['SCRAPER_ENGINE'] = flags.engine;
  if (flags.index) overrides['SCRAPER_INDEX'] = flags.index;
  const base = loadScraperConfig({ ...process.env, ...overrides });
  const scraperConfig = loadScraperConfig({
    ...process.env,
    ...overrides,
    SCRAPER_CURSOR: process.env['SCRAPER_CURSOR'] ?? `${base.engine}:${base.index}:from:${flags.from}`,
  });
  const featuresConfig = loadFeaturesConfig();
  if (featuresConfig.ingest.topic !== scraperConfig.scrape.topic) {
    throw new Error(`the scraper writes ${scraperConfig.scrape.topic} but the features pipeline reads ${featuresConfig.ingest.topic}`);
  }

  const scraperAdapters = await openScraperAdapters(scraperConfig);
  const featuresAdapters = await openFeaturesAdapters(featuresConfig).catch(async (error: unknown) => {
    await scraperAdapters.close();
    throw error;
  });

  @Module({
    imports: [
      ScraperModule.forRoot({ settings: scraperConfig.scrape, ...scraperAdapters, serveHttp: false }),
      FeaturesModule.forRoot({ settings: featuresConfig.ingest, ...featuresAdapters, serveHttp: false }),
    ],
  })
  class BackfillModule {}

  const app = await NestFactory.createApplicationContext(BackfillModule, { logger: ['error', 'warn', 'log'] });
  const interrupted = new AbortController();
  const stop = () => interrupted.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await app.get(JobStatusConsumer).start();
    const scraped = await Promise.race([app.get(ScraperRunner).start(), aborted(interrupted.signal)]);
    const { topic, groupId } = featuresConfig.ingest;
    while (!interrupted.signal.aborted && (await featuresAdapters.bus.lag(topic, groupId)) > 0) await sleep(250);
    if (interrupted.signal.aborted) throw new Error('interrupted; run the same command again to resume');

    const metrics = app.get(FeaturesMetrics);
    const rows = await featuresAdapters.jobRuns.count();
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `backfill from ${flags.from} (${scraperConfig.engine} ${scraperConfig.index}) caught up in ${seconds.toFixed(1)} s: ` +
        `${scraped.documentsRead.toLocaleString('en-US')} documents read, ` +
        `${(await total(metrics.rowsWritten)).toLocaleString('en-US')} stored, ` +
        `${(await total(metrics.deadLettered)).toLocaleString('en-US')} dead-lettered; job_runs holds ${rows.toLocaleString('en-US')} rows`,
    );
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await app.close();
    await Promise.allSettled([scraperAdapters.close(), featuresAdapters.close()]);
  }
}

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) =>
    signal.addEventListener('abort', () => reject(new Error('interrupted; run the same command again to resume')), { once: true }),
  );
}

async function total(counter: Counter<string>): Promise<number> {
  const { values } = await counter.get();
  return values.reduce((sum, entry) => sum + entry.value, 0);
}
