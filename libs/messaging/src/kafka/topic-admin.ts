import type { Admin, Kafka } from 'kafkajs';
import { Topics } from '@jobcast/contracts';

/** How long a created topic may take to have a leader for every partition. */
const LEADERS_TIMEOUT_MS = 30_000;

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
      // waited for below: kafkajs' own wait gives up when a just-created topic is still unknown to the broker it asks
      waitForLeaders: false,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: layout.numPartitions ?? 6,
        replicationFactor: layout.replicationFactor ?? 1,
        configEntries: [{ name: 'max.message.bytes', value: String(layout.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES) }],
      })),
    });
    await waitForLeaders(admin, missing);
    return missing;
  } finally {
    await admin.disconnect();
  }
}

/** Polls the topics' metadata until every partition has a leader; retriable answers ("unknown topic") mean not yet. */
async function waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
  const deadline = Date.now() + LEADERS_TIMEOUT_MS;
  for (;;) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      if (metadata.every((topic) => topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0))) return;
    } catch (error) {
      if (!(error as { retriable?: boolean }).retriable) throw error;
    }
    if (Date.now() > deadline) throw new Error(`Kafka topics ${topics.join(', ')} have no leader for every partition after ${LEADERS_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
