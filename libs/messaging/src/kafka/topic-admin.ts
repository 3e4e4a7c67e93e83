import type { Kafka } from 'kafkajs';
import { Topics } from '@jobcast/contracts';

/** `max.message.bytes` of the topics Jobcast creates: above the broker's 1 MB default, for large job documents. */
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export interface TopicLayout {
  /** partitions bound the consumers' parallelism; default 6 */
  numPartitions?: number;
  /** 1 on a single broker; 3 in production */
  replicationFactor?: number;
  /** largest message (record batch) the topic accepts; default DEFAULT_MAX_MESSAGE_BYTES */
  maxMessageBytes?: number;
}

/**
 * Creates the given topics (default: every topic in `Topics`) if they do not exist yet; existing ones are left
 * as they are. Returns the names that were created.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: readonly string[] = Object.values(Topics),
  layout: TopicLayout = {},
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
    if (missing.length === 0) return [];
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: layout.numPartitions ?? 6,
        replicationFactor: layout.replicationFactor ?? 1,
        configEntries: [{ name: 'max.message.bytes', value: String(layout.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES) }],
      })),
    });
    return missing;
  } finally {
    await admin.disconnect();
  }
}
