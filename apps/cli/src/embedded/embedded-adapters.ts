import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TERMINAL_JOB_STATUSES, Topics } from '@jobcast/contracts';
import { createDatabase, type JobcastDatabase, type JobRunRepository, KyselyJobRunRepository, ModelRegistryRepository } from '@jobcast/db';
import { normalizeJobStatus } from '@jobcast/features';
import { DEFAULT_MAX_MESSAGE_BYTES, InProcessMessageBus } from '@jobcast/messaging';
import { FolderModelStore, modelFamilyNames } from '@jobcast/models';
import { FAMILY_LOADERS, PredictorEnvSchema, RegistryModelSource } from '@jobcast/predictor';
import { KyselyScrapeCursorStore } from '@jobcast/scraper';
import { TrainerEnvSchema } from '@jobcast/trainer';
import type { EmbeddedModuleOptions } from './embedded.module';
import { TRAINER_ROUTE_PREFIX } from './embedded.module';
import type { EmbeddedOptions } from './embedded-options';
import type { InMemorySearchSource } from './in-memory-search-source';
import { RunsWithoutRawRepository } from './runs-without-raw.repository';

/** Consumer group of the features module; its lag on the job-status topic says when ingestion has drained. */
export const FEATURES_GROUP = 'jobcast-features';

export interface EmbeddedAdapters {
  readonly database: JobcastDatabase;
  /** job_runs as the embedded mode writes it (without raw documents) */
  readonly jobRuns: JobRunRepository;
  readonly bus: InProcessMessageBus;
  readonly moduleOptions: EmbeddedModuleOptions;
  /** where PGlite and the models live (a temporary folder unless --data-dir) */
  readonly dataDir: string;
  close(): Promise<void>;
}

/**
 * The embedded stand-ins for every outside system: PGlite (same migrations as PostgreSQL) instead of a server, the
 * in-process bus instead of Kafka, the in-memory index instead of Elasticsearch, a folder model store; job_runs
 * without raw documents (see RunsWithoutRawRepository). The services'
 * own configuration schemas validate the embedded settings, so they stay in step with the distributed mode.
 */
export async function openEmbeddedAdapters(
  options: EmbeddedOptions,
  search: InMemorySearchSource,
  onHandlerError: (error: unknown, context: { topic: string; groupId: string }) => void,
): Promise<EmbeddedAdapters> {
  const temporary = options.dataDir === undefined ? await mkdtemp(join(tmpdir(), 'jobcast-embedded-')) : null;
  const dataDir = resolve(options.dataDir ?? temporary!);
  const database = await createDatabase({ url: options.dataDir === undefined ? 'pglite://memory' : `pglite://${join(dataDir, 'db')}` });
  await database.migrateToLatest();
  const bus = new InProcessMessageBus({ onHandlerError });
  const jobRuns = new RunsWithoutRawRepository(new KyselyJobRunRepository(database.db));
  const modelsDir = join(dataDir, 'models');
  // The trainer writes champions here and the predictor reads them back, as the two services share a store.
  const store = new FolderModelStore(modelsDir);
  const httpUrl = `http://127.0.0.1:${options.port}`;

  const moduleOptions: EmbeddedModuleOptions = {
    scraper: {
      settings: {
        mode: 'tail',
        cursorName: `embedded:${search.index}`,
        from: new Date(0),
        // the built-in history does not grow: one pass, then an occasional look
        pollIntervalMs: 60_000,
        pageSize: 2_000,
        overlapMs: 0,
        statuses: [...TERMINAL_JOB_STATUSES],
        queuedSnapshotIntervalMs: 300_000,
        topic: Topics.jobStatus,
        deadLetterTopic: Topics.jobStatusDeadLetter,
        maxMessageBytes: DEFAULT_MAX_MESSAGE_BYTES,
      },
      searchSource: search,
      bus,
      cursors: new KyselyScrapeCursorStore(database.db),
    },
    features: {
      settings: { topic: Topics.jobStatus, deadLetterTopic: Topics.jobStatusDeadLetter, groupId: FEATURES_GROUP },
      bus,
      jobRuns,
    },
    trainer: {
      config: TrainerEnvSchema.parse({
        DATABASE_URL: 'pglite://embedded',
        TRAINER_CRON: 'off',
        TRAINER_FAMILIES: modelFamilyNames().join(','),
        TRAINER_WINDOW_DAYS: '0',
        MODEL_STORE_URL: modelsDir,
        TRAINER_WORK_DIR: join(dataDir, 'work'),
      }),
      database,
      bus,
      store,
    },
    predictor: {
      config: PredictorEnvSchema.parse({
        PORT: String(options.port),
        GRPC_PORT: String(options.grpcPort),
        HOST: options.host,
        MODEL_STORE_URL: modelsDir,
        TRAINER_URL: `${httpUrl}/${TRAINER_ROUTE_PREFIX}`,
      }),
      modelSource: new RegistryModelSource(new ModelRegistryRepository(database.db), store, FAMILY_LOADERS),
      bus,
      normalizeJobStatus,
    },
  };

  return {
    database,
    jobRuns,
    bus,
    moduleOptions,
    dataDir,
    close: async () => {
      await bus.close();
      await database.close();
      if (temporary) await rm(temporary, { recursive: true, force: true });
    },
  };
}
