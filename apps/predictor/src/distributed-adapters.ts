import { createDatabase, ModelRegistryRepository, type JobcastDatabase } from '@jobcast/db';
import { normalizeJobStatus } from '@jobcast/features';
import { KafkaMessageBus, kafkaConfigFromEnv, type MessageBus } from '@jobcast/messaging';
import { Kafka } from 'kafkajs';
import type { PredictorConfig } from './config';
import { createModelStore } from './models/create-model-store';
import { FAMILY_LOADERS } from './models/family-loaders';
import { FolderModelSource } from './models/folder-model-source';
import type { ModelSource } from './models/model-source.port';
import { RegistryModelSource } from './models/registry-model-source';
import type { PredictorModuleOptions } from './predictor.module';

export interface DistributedAdapters {
  options: PredictorModuleOptions;
  /** closes what the adapters opened (Kafka connections, the database pool) */
  close(): Promise<void>;
}

/**
 * The standalone predictor's adapters: models from PREDICTOR_MODELS_DIR, else from the registry (DATABASE_URL)
 * and the model store (MODEL_STORE_URL); Kafka when KAFKA_BROKERS is set.
 */
export async function distributedAdapters(config: PredictorConfig, env: NodeJS.ProcessEnv = process.env): Promise<DistributedAdapters> {
  let database: JobcastDatabase | null = null;
  let modelSource: ModelSource;
  if (config.PREDICTOR_MODELS_DIR) {
    modelSource = new FolderModelSource(config.PREDICTOR_MODELS_DIR, FAMILY_LOADERS);
  } else if (config.DATABASE_URL && config.MODEL_STORE_URL) {
    database = await createDatabase({ url: config.DATABASE_URL, maxConnections: 2 });
    modelSource = new RegistryModelSource(new ModelRegistryRepository(database.db), createModelStore(config.MODEL_STORE_URL, config), FAMILY_LOADERS);
  } else {
    throw new Error('invalid predictor configuration: set PREDICTOR_MODELS_DIR, or DATABASE_URL and MODEL_STORE_URL');
  }
  const bus: MessageBus | null = config.KAFKA_BROKERS
    ? new KafkaMessageBus(new Kafka(kafkaConfigFromEnv('jobcast-predictor', { ...env, KAFKA_BROKERS: config.KAFKA_BROKERS })))
    : null;
  return {
    options: { config, modelSource, bus, normalizeJobStatus },
    close: async () => {
      await bus?.close();
      await database?.close();
    },
  };
}
