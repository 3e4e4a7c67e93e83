import { KyselyJobRunRepository, createDatabase } from '@jobcast/db';
import { KafkaMessageBus, ensureTopics, kafkaConfigFromEnv } from '@jobcast/messaging';
import { Kafka } from 'kafkajs';
import type { FeaturesConfig } from './config';
import type { FeaturesModuleOptions } from './features.module';

export type FeaturesAdapters = Pick<FeaturesModuleOptions, 'bus' | 'jobRuns'> & { close(): Promise<void> };

/** The distributed mode's adapters: Kafka (both topics created if missing) and PostgreSQL (migrated to latest). */
export async function openFeaturesAdapters(config: FeaturesConfig, env: NodeJS.ProcessEnv = process.env): Promise<FeaturesAdapters> {
  const kafka = new Kafka(kafkaConfigFromEnv('jobcast-features', env));
  await ensureTopics(kafka, [config.ingest.topic, config.ingest.deadLetterTopic]);
  const database = await createDatabase({ url: config.databaseUrl, schema: config.databaseSchema });
  await database.migrateToLatest();
  // Several partitions in flight: one batch is normalized while another one's upsert waits on PostgreSQL.
  const bus = new KafkaMessageBus(kafka, { partitionsConsumedConcurrently: 3 });
  return {
    bus,
    jobRuns: new KyselyJobRunRepository(database.db),
    close: async () => {
      await bus.close();
      await database.close();
    },
  };
}
