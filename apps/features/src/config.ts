import { Topics } from '@jobcast/contracts';
import { z } from 'zod';

/** Every environment variable the features service reads (Kafka's own come from `kafkaConfigFromEnv`). */
export const FeaturesEnvSchema = z.object({
  DATABASE_URL: z.string({ error: 'is required (postgres://… or pglite://…)' }).min(1),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/, { error: 'must be a plain lower-case SQL name' }).default('public'),
  JOB_STATUS_TOPIC: z.string().min(1).default(Topics.jobStatus),
  JOB_STATUS_DLQ_TOPIC: z.string().min(1).default(Topics.jobStatusDeadLetter),
  FEATURES_GROUP_ID: z.string().min(1).default('jobcast-features'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3002),
});

/** What the ingest pipeline needs, independent of the transport and the database behind it. */
export interface IngestSettings {
  topic: string;
  deadLetterTopic: string;
  groupId: string;
}

export interface FeaturesConfig {
  databaseUrl: string;
  databaseSchema: string;
  port: number;
  ingest: IngestSettings;
}

export class FeaturesConfigError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    super(`invalid features configuration: ${issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    this.name = 'FeaturesConfigError';
  }
}

/** Reads and validates the features service's environment once; the error names every bad variable. */
export function loadFeaturesConfig(env: NodeJS.ProcessEnv = process.env): FeaturesConfig {
  const parsed = FeaturesEnvSchema.safeParse(env);
  if (!parsed.success) throw new FeaturesConfigError(parsed.error.issues);
  const values = parsed.data;
  return {
    databaseUrl: values.DATABASE_URL,
    databaseSchema: values.DATABASE_SCHEMA,
    port: values.PORT,
    ingest: {
      topic: values.JOB_STATUS_TOPIC,
      deadLetterTopic: values.JOB_STATUS_DLQ_TOPIC,
      groupId: values.FEATURES_GROUP_ID,
    },
  };
}
