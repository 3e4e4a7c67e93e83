import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateCronExpression } from 'cron';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65_535);
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** Every environment variable the trainer reads (exported for the compose consistency test). */
export const TrainerEnvSchema = z.object({
  /** HTTP port of the standalone service */
  TRAINER_PORT: port.default(3002),
  /** interface the HTTP server binds to */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** PostgreSQL (`postgres://…`) or the embedded PGlite (`pglite://memory`, `pglite://<dir>`) */
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required'),
  /** schema holding the tables (tests use one each) */
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a lower-case SQL name').default('public'),
  /** comma-separated Kafka brokers for `jobcast.models.v1`; unset → promotions are recorded but not announced */
  KAFKA_BROKERS: optionalText,
  /** cron expression of the scheduled retraining (default daily at 03:00), or `off` */
  TRAINER_CRON: z
    .string()
    .trim()
    .default('0 3 * * *')
    .refine((value) => value === 'off' || validateCronExpression(value).valid, 'a cron expression or `off`'),
  /** families trained by the schedule and by a trigger without a family */
  TRAINER_FAMILIES: z
    .string()
    .default('calcloud,runtime')
    .transform((value) => value.split(',').map((name) => name.trim()).filter(Boolean))
    .pipe(z.array(z.string().min(1)).min(1, 'name at least one family')),
  /** training window: the last N days of job runs (0 = all history) */
  TRAINER_WINDOW_DAYS: z.coerce.number().int().min(0).default(90),
  /** model store: a folder path, or `s3://bucket/prefix` */
  MODEL_STORE_URL: z.string().min(1).default('var/models'),
  /** S3-compatible endpoint (MinIO, Ceph …) for an s3:// store; unset = AWS */
  MODEL_STORE_S3_ENDPOINT: optionalText.pipe(z.url().optional()),
  MODEL_STORE_S3_REGION: z.string().min(1).default('us-east-1'),
  /** path-style bucket addressing, which most S3-compatible servers need */
  MODEL_STORE_S3_PATH_STYLE: flag.default(true),
  /** local folder for staging runs and for runs downloaded from S3 */
  TRAINER_WORK_DIR: z.string().min(1).default(join(tmpdir(), 'jobcast-trainer')),
  /** `attached`: a worker thread of the trainer; `detached`: a separate process per run */
  TRAINER_EXECUTION: z.enum(['attached', 'detached']).default('attached'),
  /** command line of a detached run; the job file path is appended (default: this repo's detached entry) */
  TRAINER_DETACHED_COMMAND: optionalText,
  /** how much worse than the champion (relative, 0.02 = 2 %) a candidate may be and still be promoted */
  TRAINER_PROMOTION_TOLERANCE: z.coerce.number().min(0).max(1).default(0.02),
  /** share of the (time-ordered) window held out for evaluation and the promotion gate */
  TRAINER_TEST_FRACTION: z.coerce.number().gt(0).lt(1).default(0.2),
  /** patience (epochs) of per-network early stopping; 0 disables it */
  TRAINER_EARLY_STOP_PATIENCE: z.coerce.number().int().min(0).default(10),
  /** when set, every mutating route needs `Authorization: Bearer <token>` */
  TRAINER_ADMIN_TOKEN: optionalText,
  /** recorded in run.json; default: package version + git commit when available */
  JOBCAST_CODE_VERSION: optionalText,
});
export type TrainerConfig = z.infer<typeof TrainerEnvSchema>;

/** Reads and validates the environment once; the error names every bad variable. */
export function loadTrainerConfig(env: NodeJS.ProcessEnv = process.env): TrainerConfig {
  const result = TrainerEnvSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid trainer configuration: ${problems.join('; ')}`);
  }
  return result.data;
}

export const TRAINER_CONFIG = Symbol('TrainerConfig');
