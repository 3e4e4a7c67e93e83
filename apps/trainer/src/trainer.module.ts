import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { Kafka } from 'kafkajs';
import { Topics } from '@jobcast/contracts';
import {
  createDatabase,
  createTrainingLock,
  type JobcastDatabase,
  KyselyJobRunRepository,
  ModelRegistryRepository,
  SweepRepository,
  TrainingRunRepository,
} from '@jobcast/db';
import { ensureTopics, KafkaMessageBus, kafkaConfigFromEnv, type MessageBus } from '@jobcast/messaging';
import { MODEL_STORE, type ModelStore, modelFamilyNames } from '@jobcast/models';
import { detectCodeVersion } from './code-version';
import { TRAINER_CONFIG, type TrainerConfig } from './config';
import { AttachedExecutor } from './execution/attached-executor';
import { DetachedExecutor } from './execution/detached-executor';
import { RUN_EXECUTOR } from './execution/run-executor.port';
import { AdminTokenGuard } from './http/admin-token.guard';
import { ModelsController } from './http/models.controller';
import { SoamcUpdateController } from './http/soamc-update.controller';
import { SweepsController } from './http/sweeps.controller';
import { TrainingRunsController } from './http/training-runs.controller';
import { PromotionService } from './promotion/promotion.service';
import { TrainingSchedule } from './schedule/training-schedule';
import { createModelStore } from './store/create-model-store';
import { OWNED_RESOURCES, type OwnedResource, TrainerLifecycle } from './trainer-lifecycle';
import { CODE_VERSION, JOB_RUNS, MODELS_BUS, TRAINER_DATABASE, TRAINING_LOCK } from './tokens';
import { RunPipeline } from './training/run-pipeline.service';
import { SweepService } from './training/sweep.service';
import { TrainingDataLoader } from './training/training-data.loader';
import { TrainingService } from './training/training.service';
import { TrainingSlot } from './training/training-slot';

export interface TrainerModuleOptions {
  config: TrainerConfig;
  /** an open, migrated database (embedded mode: PGlite); default: opened from DATABASE_URL and migrated */
  database?: JobcastDatabase;
  /** the bus for `jobcast.models.v1` (embedded: in-process); default: Kafka when KAFKA_BROKERS is set, else none */
  bus?: MessageBus | null;
  /** default: from MODEL_STORE_URL */
  store?: ModelStore;
}

/**
 * The trainer: scheduled and on-demand training, sweeps, the registry and promotion, over HTTP. Hosted by the
 * standalone service (main.ts) or by the embedded mode, which injects PGlite and the in-process bus.
 */
@Module({})
export class TrainerModule {
  static forRoot(options: TrainerModuleOptions): DynamicModule {
    const { config } = options;
    for (const family of config.TRAINER_FAMILIES) {
      if (!modelFamilyNames().includes(family)) {
        throw new Error(`invalid trainer configuration: TRAINER_FAMILIES: unknown family "${family}" (known: ${modelFamilyNames().join(', ')})`);
      }
    }
    const owned: OwnedResource[] = [];
    const providers: Provider[] = [
      { provide: TRAINER_CONFIG, useValue: config },
      { provide: OWNED_RESOURCES, useValue: owned },
      { provide: CODE_VERSION, useFactory: () => detectCodeVersion(config.JOBCAST_CODE_VERSION) },
      { provide: TRAINER_DATABASE, useFactory: () => options.database ?? openDatabase(config, owned) },
      { provide: MODELS_BUS, useFactory: () => (options.bus !== undefined ? options.bus : openKafkaBus(config, owned)) },
      { provide: MODEL_STORE, useFactory: () => options.store ?? createModelStore(config) },
      { provide: RUN_EXECUTOR, useFactory: () => createExecutor(config) },
      ...repository(TrainingRunRepository),
      ...repository(SweepRepository),
      ...repository(ModelRegistryRepository),
      { provide: JOB_RUNS, useFactory: (database: JobcastDatabase) => new KyselyJobRunRepository(database.db), inject: [TRAINER_DATABASE] },
      { provide: TRAINING_LOCK, useFactory: createTrainingLock, inject: [TRAINER_DATABASE] },
      TrainingSlot,
      TrainingDataLoader,
      PromotionService,
      RunPipeline,
      TrainingService,
      SweepService,
      TrainingSchedule,
      TrainerLifecycle,
      AdminTokenGuard,
    ];
    return {
      module: TrainerModule,
      imports: [ScheduleModule.forRoot()],
      controllers: [TrainingRunsController, SweepsController, ModelsController, SoamcUpdateController],
      providers,
      exports: [TrainingService, SweepService, PromotionService, TrainingSlot],
    };
  }
}

function repository<T>(type: new (db: JobcastDatabase['db']) => T): Provider[] {
  return [{ provide: type, useFactory: (database: JobcastDatabase) => new type(database.db), inject: [TRAINER_DATABASE] }];
}

async function openDatabase(config: TrainerConfig, owned: OwnedResource[]): Promise<JobcastDatabase> {
  const database = await createDatabase({ url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA });
  owned.push(database);
  await database.migrateToLatest();
  return database;
}

async function openKafkaBus(config: TrainerConfig, owned: OwnedResource[]): Promise<MessageBus | null> {
  if (!config.KAFKA_BROKERS) return null;
  const kafka = new Kafka(kafkaConfigFromEnv('jobcast-trainer', { ...process.env, KAFKA_BROKERS: config.KAFKA_BROKERS }));
  await ensureTopics(kafka, [Topics.models]);
  const bus = new KafkaMessageBus(kafka);
  owned.push(bus);
  return bus;
}

function createExecutor(config: TrainerConfig) {
  if (config.TRAINER_EXECUTION === 'attached') return new AttachedExecutor();
  const command = config.TRAINER_DETACHED_COMMAND?.split(/\s+/).filter(Boolean);
  return new DetachedExecutor(config.TRAINER_WORK_DIR, command);
}
