import { createDatabase } from '@jobcast/db';
import { KafkaMessageBus, ensureTopics, kafkaConfigFromEnv } from '@jobcast/messaging';
import { Kafka } from 'kafkajs';
import type { ScraperConfig } from './config';
import { KyselyScrapeCursorStore } from './cursor/kysely-scrape-cursor-store';
import type { ScraperModuleOptions } from './scraper.module';
import { createSearchSource } from './search/create-search-source';

export type ScraperAdapters = Pick<ScraperModuleOptions, 'searchSource' | 'bus' | 'cursors'> & {
  close(): Promise<void>;
};

/**
 * The distributed mode's adapters: the configured search engine, Kafka (topic created if missing) and PostgreSQL
 * (migrated to the latest schema). `close()` releases all three.
 */
export async function openScraperAdapters(config: ScraperConfig, env: NodeJS.ProcessEnv = process.env): Promise<ScraperAdapters> {
  const kafka = new Kafka(kafkaConfigFromEnv('jobcast-scraper', env));
  await ensureTopics(kafka, [config.scrape.topic, config.scrape.deadLetterTopic]);
  const database = await createDatabase({ url: config.databaseUrl, schema: config.databaseSchema });
  await database.migrateToLatest();
  const bus = new KafkaMessageBus(kafka);
  const searchSource = createSearchSource(config);
  return {
    searchSource,
    bus,
    cursors: new KyselyScrapeCursorStore(database.db),
    close: async () => {
      await Promise.allSettled([bus.close(), searchSource.close()]);
      await database.close();
    },
  };
}
