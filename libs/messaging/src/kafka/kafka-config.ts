import type { KafkaConfig } from 'kafkajs';
import { logLevel } from 'kafkajs';
import { z } from 'zod';

const brokerList = z
  .string({ error: 'is required (comma-separated host:port list)' })
  .transform((value) => value.split(',').map((broker) => broker.trim()).filter(Boolean))
  .pipe(
    z
      .array(z.string().regex(/^[^\s:]+:\d{1,5}$/, { error: 'each broker must be host:port' }))
      .min(1, { error: 'is required (comma-separated host:port list)' }),
  );

/** The environment variables every Jobcast process reads to reach Kafka. */
export const KafkaEnvSchema = z.object({
  KAFKA_BROKERS: brokerList,
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  KAFKA_LOG_LEVEL: z.enum(['nothing', 'error', 'warn', 'info', 'debug']).default('warn'),
});

const levels = {
  nothing: logLevel.NOTHING,
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
} as const;

/** Names every bad variable, e.g. `KAFKA_BROKERS: is required (comma-separated host:port list)`. */
export class KafkaConfigError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    super(`invalid Kafka configuration: ${issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    this.name = 'KafkaConfigError';
  }
}

/**
 * The one place Kafka client settings come from. `defaultClientId` names the calling service
 * (e.g. `jobcast-scraper`) unless KAFKA_CLIENT_ID overrides it.
 */
export function kafkaConfigFromEnv(defaultClientId: string, env: NodeJS.ProcessEnv = process.env): KafkaConfig {
  const parsed = KafkaEnvSchema.safeParse(env);
  if (!parsed.success) throw new KafkaConfigError(parsed.error.issues);
  return {
    clientId: parsed.data.KAFKA_CLIENT_ID ?? defaultClientId,
    brokers: parsed.data.KAFKA_BROKERS,
    logLevel: levels[parsed.data.KAFKA_LOG_LEVEL],
    connectionTimeout: 3_000,
    // Connection-level retries; callers (scraper, consumers) add their own backoff around whole batches.
    retry: { initialRetryTime: 300, maxRetryTime: 30_000, retries: 8 },
  };
}
