import { mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { KafkaMessageBus, kafkaConfigFromEnv } from '@jobcast/messaging';
import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { type IndexTarget, JobStatusIndexWriter } from '@jobcast/scraper';
import { loadSyntheticJobs } from './load-documents';
import { type ServiceProcess, startService } from './service-process';

/**
 * Ingest benchmark: N synthetic HySDS jobs bulk-loaded into Elasticsearch or OpenSearch, then one backfill through
 * the real services — scraper (search → Kafka) and features (Kafka → PostgreSQL), each its own process, as deployed.
 * Prints docs/s of every stage, end to end, and the resident memory of each service over the run.
 *
 *   eval "$(tools/stack env)"
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/bench/ingest/run.ts --jobs 200000
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      jobs: { type: 'string', default: '100000' },
      engine: { type: 'string', default: 'elasticsearch' },
    },
  });
  const jobs = Number(values.jobs);
  const engine = values.engine === 'opensearch' ? 'opensearch' : 'elasticsearch';
  const searchUrl = process.env[engine === 'elasticsearch' ? 'ELASTICSEARCH_URL' : 'OPENSEARCH_URL'];
  const databaseUrl = process.env['DATABASE_URL'];
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error('--jobs must be a positive whole number');
  if (!searchUrl || !databaseUrl || !process.env['KAFKA_BROKERS']) {
    throw new Error('needs KAFKA_BROKERS, DATABASE_URL and the search URL: eval "$(tools/stack env)"');
  }

  const run = `bench_ingest_${Date.now().toString(36)}`;
  const logDir = join(tmpdir(), 'jobcast-bench-ingest');
  mkdirSync(logDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    SCRAPER_ENGINE: engine,
    SCRAPER_INDEX: run.replace(/_/g, '-'),
    SCRAPER_MODE: 'backfill',
    SCRAPER_FROM: '2000-01-01T00:00:00Z',
    SCRAPER_PAGE_SIZE: '5000',
    JOB_STATUS_TOPIC: `${run}.job-status`,
    JOB_STATUS_DLQ_TOPIC: `${run}.job-status-dlq`,
    FEATURES_GROUP_ID: `${run}-features`,
    DATABASE_SCHEMA: run,
  };

  console.log(`ingest benchmark: ${jobs.toLocaleString('en-US')} jobs, ${engine}, run ${run} (service logs in ${logDir}); load average ${loadAverage()}`);
  let lastReport = 0;
  const target: IndexTarget = { engine, url: searchUrl, index: env['SCRAPER_INDEX']! };
  const loaded = await loadSyntheticJobs(target, jobs, (indexed) => {
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      console.log(`  loading: ${indexed.toLocaleString('en-US')} indexed`);
    }
  }).catch(async (error: unknown) => {
    await dropIndex(target).catch(() => undefined);
    throw error;
  });
  console.log(
    `stage 0  bulk load into ${engine}: ${loaded.indexed.toLocaleString('en-US')} documents in ${loaded.seconds.toFixed(1)} s ` +
      `(${rate(loaded.indexed, loaded.seconds)} docs/s); ${loaded.terminal.toLocaleString('en-US')} terminal to ingest`,
  );

  const bus = new KafkaMessageBus(new Kafka(kafkaConfigFromEnv('jobcast-bench', { ...process.env, KAFKA_LOG_LEVEL: 'nothing' })));
  const database = new Client({ connectionString: databaseUrl });
  await database.connect();
  const features = await startService('features', env, logDir);
  const scraper = await startService('scraper', env, logDir);
  // Compiling the services from source takes seconds; the clock starts once both answer (the scraper starts
  // scraping right after it begins to answer).
  const memory = { scraper: new MemoryTrack(), features: new MemoryTrack() };
  const cpu = { scraper: new CpuTrack(), features: new CpuTrack() };
  const scraperDone: { seconds: number | null } = { seconds: null };
  let started = Date.now();
  void scraper.exited.then(() => (scraperDone.seconds = (Date.now() - started) / 1000));

  try {
    const bootDeadline = Date.now() + 120_000;
    for (;;) {
      const [scraperMetrics, featuresMetrics] = await Promise.all([scraper.metrics(), features.metrics()]);
      if (scraperMetrics && featuresMetrics) {
        cpu.scraper.add(scraperMetrics.get('jobcast_scraper_process_cpu_seconds_total'));
        cpu.features.add(featuresMetrics.get('jobcast_features_process_cpu_seconds_total'));
        break;
      }
      if (Date.now() > bootDeadline) throw new Error('the services did not answer within 120 s; see their logs');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    started = Date.now();
    let published = 0;
    let written = 0;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const [scraperMetrics, featuresMetrics] = await Promise.all([scraper.metrics(), features.metrics()]);
      if (scraperMetrics) {
        published = scraperMetrics.get('jobcast_scraper_documents_published_total') ?? published;
        memory.scraper.add(scraperMetrics.get('jobcast_scraper_process_resident_memory_bytes'));
        cpu.scraper.add(scraperMetrics.get('jobcast_scraper_process_cpu_seconds_total'));
      }
      if (featuresMetrics) {
        written = featuresMetrics.get('jobcast_features_rows_written_total') ?? written;
        memory.features.add(featuresMetrics.get('jobcast_features_process_resident_memory_bytes'));
        cpu.features.add(featuresMetrics.get('jobcast_features_process_cpu_seconds_total'));
      }
      const elapsed = (Date.now() - started) / 1000;
      if (Math.round(elapsed) % 10 === 0) {
        console.log(`  ${elapsed.toFixed(0)} s: published ${published.toLocaleString('en-US')}, stored ${written.toLocaleString('en-US')}`);
      }
      if (scraperDone.seconds !== null && (await bus.lag(env['JOB_STATUS_TOPIC']!, env['FEATURES_GROUP_ID']!)) === 0) break;
      if (elapsed > 3_600) throw new Error('no end after an hour; see the service logs');
    }
    const totalSeconds = (Date.now() - started) / 1000;
    const rows = Number((await database.query(`select count(*) as rows from "${run}".job_runs`)).rows[0].rows);
    const finalScraper = scraperDone.seconds ?? totalSeconds;
    console.log(`stage 1  scraper  ${engine} → Kafka: ${loaded.terminal.toLocaleString('en-US')} in ${finalScraper.toFixed(1)} s (${rate(loaded.terminal, finalScraper)} docs/s, ${cpu.scraper.describe(loaded.terminal)}); RSS ${memory.scraper.describe()}`);
    console.log(`stage 2  features Kafka → PostgreSQL: ${rows.toLocaleString('en-US')} rows in ${totalSeconds.toFixed(1)} s (${rate(rows, totalSeconds)} docs/s concurrent with stage 1, ${cpu.features.describe(rows)}); RSS ${memory.features.describe()}`);
    console.log(`end to end: ${rate(rows, totalSeconds)} docs/s; job_runs rows ${rows.toLocaleString('en-US')} of ${loaded.terminal.toLocaleString('en-US')} terminal documents ${rows === loaded.terminal ? '(all stored)' : '(MISMATCH)'}; load average ${loadAverage()}`);
  } finally {
    await stop(scraper);
    await stop(features);
    await database.query(`drop schema if exists "${run}" cascade`);
    await dropIndex(target);
    await database.end();
    await bus.close();
  }
}

async function dropIndex(target: IndexTarget): Promise<void> {
  const writer = new JobStatusIndexWriter(target);
  await writer.deleteIndex().finally(() => writer.close());
}

async function stop(service: ServiceProcess): Promise<void> {
  service.kill('SIGTERM');
  const killed = setTimeout(() => service.kill('SIGKILL'), 15_000);
  await service.exited;
  clearTimeout(killed);
}

/** RSS samples of one service: first, peak and last, to show whether memory stays flat. */
class MemoryTrack {
  private readonly samples: number[] = [];
  add(bytes: number | undefined): void {
    if (bytes !== undefined) this.samples.push(bytes);
  }
  describe(): string {
    if (this.samples.length === 0) return 'not sampled';
    const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
    return `first ${mb(this.samples[0])}, peak ${mb(Math.max(...this.samples))}, last ${mb(this.samples[this.samples.length - 1])}`;
  }
}

/**
 * CPU seconds one service spent between its first and last sample (its start-up compile excluded): on a shared
 * machine, documents per CPU-second move much less with everyone else's load than documents per second.
 */
class CpuTrack {
  private first: number | undefined;
  private last: number | undefined;
  add(seconds: number | undefined): void {
    if (seconds === undefined) return;
    this.first ??= seconds;
    this.last = seconds;
  }
  describe(documents: number): string {
    if (this.first === undefined || this.last === undefined) return 'CPU not sampled';
    const seconds = this.last - this.first;
    return `${seconds.toFixed(1)} CPU-s = ${rate(documents, seconds)} docs per CPU-second`;
  }
}

function loadAverage(): string {
  return loadavg().map((load) => load.toFixed(1)).join(' ');
}

function rate(count: number, seconds: number): string {
  return seconds > 0 ? Math.round(count / seconds).toLocaleString('en-US') : '∞';
}

main().catch((error: unknown) => {
  console.error(`ingest benchmark: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
