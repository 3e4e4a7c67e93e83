import { randomBytes } from 'node:crypto';

/**
 * A name no other test run uses: `<prefix>-<time>-<random>`, lower case, safe as a Kafka topic, an Elasticsearch /
 * OpenSearch index and a consumer group. Lets suites share one set of servers without seeing each other's data.
 */
export function uniqueName(prefix: string): string {
  const cleanPrefix = prefix.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-_.]+/, '');
  if (!cleanPrefix) throw new Error(`uniqueName: prefix "${prefix}" has no letters or digits`);
  return `${cleanPrefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}
