import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TERMINAL_JOB_STATUSES } from '@jobcast/contracts';
import { generateHistory } from '@jobcast/features';
import { KafkaMessageBus, kafkaConfigFromEnv } from '@jobcast/messaging';
import { JobStatusIndexWriter } from '@jobcast/scraper';
import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { loadSyntheticJobs } from '../bench/ingest/load-documents';
import { type ServiceName, type ServiceProcess, startService } from '../bench/ingest/service-process';

/**
 * One reliability scenario's private world on the real servers: its own index (loaded with synthetic HySDS jobs),
 * topics, consumer group and database schema, plus the services started as real processes that the scenario may
 * kill. `verify()` compares job_runs with every terminal payload_id that was indexed.
 */
export class ScenarioWorld {
  readonly env: NodeJS.ProcessEnv;
  readonly expected = new Set<string>();
  private readonly logDir = join(tmpdir(), 'jobcast-scenarios');
  private readonly services: ServiceProcess[] = [];
  private readonly database: Client;
  private readonly bus: KafkaMessageBus;

  constructor(readonly name: string, overrides: NodeJS.ProcessEnv = {}) {
    const run = `scenario_${name.replace(/[^a-z0-9]/g, '_')}_${Date.now().toString(36)}`;
    const databaseUrl = process.env['DATABASE_URL'];
    if (!databaseUrl || !process.env['KAFKA_BROKERS'] || !process.env['ELASTICSEARCH_URL']) {
      throw new Error('needs KAFKA_BROKERS, DATABASE_URL and ELASTICSEARCH_URL: eval "$(tools/stack env)"');
    }
    mkdirSync(this.logDir, { recursive: true });
    this.env = {
      SCRAPER_ENGINE: 'elasticsearch',
      SCRAPER_INDEX: run.replace(/_/g, '-'),
      SCRAPER_MODE: 'backfill',
      SCRAPER_FROM: '2000-01-01T00:00:00Z',
      SCRAPER_PAGE_SIZE: '2000',
      JOB_STATUS_TOPIC: `${run}.job-status`,
      JOB_STATUS_DLQ_TOPIC: `${run}.job-status-dlq`,
      FEATURES_GROUP_ID: `${run}-features`,
      DATABASE_SCHEMA: run,
      ...overrides,
    };
    this.database = new Client({ connectionString: databaseUrl });
    this.bus = new KafkaMessageBus(new Kafka(kafkaConfigFromEnv('jobcast-scenario', { ...process.env, ...this.env, KAFKA_LOG_LEVEL: 'nothing' })));
  }

  async open(): Promise<void> {
    await this.database.connect();
  }

  /**
   * Indexes `jobs` synthetic jobs submitted over 30 days from `start`; remembers the terminal ones as what must end
   * up stored. A later load needs another seed (other payload ids) and a later `start` (jobs finishing after the
   * earlier ones).
   */
  async load(jobs: number, history = { seed: 1, start: '2026-09-01T00:00:00Z' }): Promise<void> {
    const summary = await loadSyntheticJobs(
      { engine: 'elasticsearch', url: process.env['ELASTICSEARCH_URL']!, index: this.env['SCRAPER_INDEX']! },
      jobs,
      () => undefined,
      this.expected,
      history,
    );
    this.say(`indexed ${summary.indexed} documents (${summary.terminal} terminal) in ${summary.seconds.toFixed(0)} s`);
  }

  /**
   * Indexes `jobs` synthetic jobs the way a live HySDS cluster writes them: one document at its status change, so in
   * `@timestamp` order (sequential bulks), while a scraper may be tailing. (A bulk load in submission order, with
   * finish times spread over weeks, would be "late indexing" far beyond any overlap window.)
   */
  async loadLive(jobs: number, history: { seed: number; start: string }): Promise<void> {
    const terminalStatuses = new Set<string>(TERMINAL_JOB_STATUSES);
    const documents = [...generateHistory({ jobs, seed: history.seed, start: history.start, days: 30 })].sort(
      (a, b) => Date.parse(a['@timestamp']) - Date.parse(b['@timestamp']),
    );
    const writer = new JobStatusIndexWriter({ engine: 'elasticsearch', url: process.env['ELASTICSEARCH_URL']!, index: this.env['SCRAPER_INDEX']! });
    try {
      for (let start = 0; start < documents.length; start += 500) {
        const result = await writer.index(documents.slice(start, start + 500) as unknown as Array<Record<string, unknown>>);
        if (result.failed.length > 0) throw new Error(`the search engine refused ${result.failed.length} documents: ${result.failed[0].reason}`);
      }
    } finally {
      await writer.close();
    }
    for (const document of documents) if (terminalStatuses.has(document.status)) this.expected.add(document.payload_id);
    this.say(`indexed ${documents.length} documents live, in @timestamp order`);
  }

  async start(service: ServiceName, overrides: NodeJS.ProcessEnv = {}): Promise<ServiceProcess> {
    const process = await startService(service, { ...this.env, ...overrides }, this.logDir);
    this.services.push(process);
    this.say(`started ${service} (log ${process.logFile})`);
    return process;
  }

  /** job_runs rows so far (0 before the features service created the table). */
  async storedRows(): Promise<number> {
    try {
      const result = await this.database.query(`select count(*) as rows from "${this.env['DATABASE_SCHEMA']}".job_runs`);
      return Number(result.rows[0].rows);
    } catch {
      return 0;
    }
  }

  async featuresLag(): Promise<number> {
    return this.bus.lag(this.env['JOB_STATUS_TOPIC']!, this.env['FEATURES_GROUP_ID']!);
  }

  async waitFor(description: string, condition: () => Promise<boolean>, timeoutMs = 30 * 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${description}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  /** Every expected job stored exactly once, nothing else stored. */
  async verify(): Promise<boolean> {
    const result = await this.database.query<{ payload_id: string }>(`select payload_id from "${this.env['DATABASE_SCHEMA']}".job_runs`);
    const stored = result.rows.map((row) => row.payload_id);
    const distinct = new Set(stored);
    const missing = [...this.expected].filter((id) => !distinct.has(id));
    const unexpected = [...distinct].filter((id) => !this.expected.has(id));
    const duplicated = stored.length - distinct.size;
    const ok = missing.length === 0 && unexpected.length === 0 && duplicated === 0;
    this.say(
      `${ok ? 'PASS' : 'FAIL'}: ${stored.length} rows for ${this.expected.size} expected jobs; ` +
        `missing ${missing.length}${missing.length ? ` (e.g. ${missing.slice(0, 3).join(', ')})` : ''}, ` +
        `duplicated ${duplicated}, unexpected ${unexpected.length}`,
    );
    return ok;
  }

  say(message: string): void {
    console.log(`[${this.name}] ${message}`);
  }

  /** Stops every process this world started, drops its schema and deletes its index. */
  async close(): Promise<void> {
    for (const service of this.services) service.kill('SIGTERM');
    await Promise.all(
      this.services.map(async (service) => {
        const killed = setTimeout(() => service.kill('SIGKILL'), 15_000);
        await service.exited;
        clearTimeout(killed);
      }),
    );
    await this.database.query(`drop schema if exists "${this.env['DATABASE_SCHEMA']}" cascade`).catch(() => undefined);
    const writer = new JobStatusIndexWriter({ engine: 'elasticsearch', url: process.env['ELASTICSEARCH_URL']!, index: this.env['SCRAPER_INDEX']! });
    await writer.deleteIndex().catch(() => undefined);
    await writer.close();
    await this.database.end();
    await this.bus.close();
  }
}

/** Runs a scenario body with a world, sets the exit code from its verdict, and always cleans up. */
export async function runScenario(name: string, body: (world: ScenarioWorld) => Promise<boolean>, overrides: NodeJS.ProcessEnv = {}): Promise<void> {
  const world = new ScenarioWorld(name, overrides);
  await world.open();
  try {
    process.exitCode = (await body(world)) ? 0 : 1;
  } catch (error) {
    world.say(`ERROR: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await world.close();
  }
}
