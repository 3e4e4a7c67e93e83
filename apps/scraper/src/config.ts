import { TERMINAL_JOB_STATUSES, Topics } from '@jobcast/contracts';
import { DEFAULT_MAX_MESSAGE_BYTES } from '@jobcast/messaging';
import { z } from 'zod';

const positiveInt = z.coerce.number().int().positive();
const seconds = z.coerce.number().nonnegative();
const commaList = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))
  .pipe(z.array(z.string()).min(1, { error: 'must name at least one value' }));

/** Every environment variable the scraper reads (Kafka's own come from `kafkaConfigFromEnv`). */
export const ScraperEnvSchema = z
  .object({
    SCRAPER_ENGINE: z.enum(['elasticsearch', 'opensearch']).default('elasticsearch'),
    ELASTICSEARCH_URL: z.url().optional(),
    OPENSEARCH_URL: z.url().optional(),
    SCRAPER_INDEX: z.string().min(1).default('job_status-current'),
    SCRAPER_MODE: z.enum(['tail', 'backfill']).default('tail'),
    /** where a cursor that does not exist yet starts */
    SCRAPER_FROM: z.iso.datetime({ offset: true }).default('1970-01-01T00:00:00Z'),
    SCRAPER_POLL_SECONDS: seconds.default(5),
    SCRAPER_PAGE_SIZE: positiveInt.max(10_000).default(2_000),
    SCRAPER_OVERLAP_SECONDS: seconds.default(120),
    SCRAPER_STATUSES: commaList.default([...TERMINAL_JOB_STATUSES]),
    SCRAPER_QUEUED_SNAPSHOT_SECONDS: seconds.default(300),
    SCRAPER_TIEBREAK_FIELD: z.string().min(1).default('_id'),
    SCRAPER_CURSOR: z.string().min(1).optional(),
    JOB_STATUS_TOPIC: z.string().min(1).default(Topics.jobStatus),
    JOB_STATUS_DLQ_TOPIC: z.string().min(1).default(Topics.jobStatusDeadLetter),
    /** the topic's max.message.bytes: a larger document is dead-lettered instead of refused by Kafka forever */
    SCRAPER_MAX_MESSAGE_BYTES: positiveInt.default(DEFAULT_MAX_MESSAGE_BYTES),
    DATABASE_URL: z.string({ error: 'is required (postgres://… or pglite://…)' }).min(1),
    DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/, { error: 'must be a plain lower-case SQL name' }).default('public'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
  })
  .superRefine((env, context) => {
    const urlVariable = env.SCRAPER_ENGINE === 'elasticsearch' ? 'ELASTICSEARCH_URL' : 'OPENSEARCH_URL';
    if (!env[urlVariable]) {
      context.addIssue({ code: 'custom', path: [urlVariable], message: `is required when SCRAPER_ENGINE=${env.SCRAPER_ENGINE}` });
    }
  });

/** What the scraping loop needs, independent of where it reads from and writes to. */
export interface ScrapeSettings {
  mode: 'tail' | 'backfill';
  /** names the stored cursor; one per engine + index unless set */
  cursorName: string;
  from: Date;
  pollIntervalMs: number;
  pageSize: number;
  overlapMs: number;
  statuses: string[];
  /** 0 = no snapshots of queued jobs */
  queuedSnapshotIntervalMs: number;
  topic: string;
  /** where documents too large for the topic go, cut, with the reason */
  deadLetterTopic: string;
  /** the topic's max.message.bytes */
  maxMessageBytes: number;
}

export interface ScraperConfig {
  engine: 'elasticsearch' | 'opensearch';
  searchUrl: string;
  index: string;
  tiebreakField: string;
  databaseUrl: string;
  databaseSchema: string;
  port: number;
  scrape: ScrapeSettings;
}

export class ScraperConfigError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    super(`invalid scraper configuration: ${issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    this.name = 'ScraperConfigError';
  }
}

/** Reads and validates the scraper's environment once; the error names every bad variable. */
export function loadScraperConfig(env: NodeJS.ProcessEnv = process.env): ScraperConfig {
  const parsed = ScraperEnvSchema.safeParse(env);
  if (!parsed.success) throw new ScraperConfigError(parsed.error.issues);
  const values = parsed.data;
  const searchUrl = (values.SCRAPER_ENGINE === 'elasticsearch' ? values.ELASTICSEARCH_URL : values.OPENSEARCH_URL) as string;
  return {
    engine: values.SCRAPER_ENGINE,
    searchUrl,
    index: values.SCRAPER_INDEX,
    tiebreakField: values.SCRAPER_TIEBREAK_FIELD,
    databaseUrl: values.DATABASE_URL,
    databaseSchema: values.DATABASE_SCHEMA,
    port: values.PORT,
    scrape: {
      mode: values.SCRAPER_MODE,
      cursorName: values.SCRAPER_CURSOR ?? `${values.SCRAPER_ENGINE}:${values.SCRAPER_INDEX}`,
      from: new Date(values.SCRAPER_FROM),
      pollIntervalMs: values.SCRAPER_POLL_SECONDS * 1000,
      pageSize: values.SCRAPER_PAGE_SIZE,
      overlapMs: values.SCRAPER_OVERLAP_SECONDS * 1000,
      statuses: values.SCRAPER_STATUSES,
      queuedSnapshotIntervalMs: values.SCRAPER_QUEUED_SNAPSHOT_SECONDS * 1000,
      topic: values.JOB_STATUS_TOPIC,
      deadLetterTopic: values.JOB_STATUS_DLQ_TOPIC,
      maxMessageBytes: values.SCRAPER_MAX_MESSAGE_BYTES,
    },
  };
}
