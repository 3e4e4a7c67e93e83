import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const BYTES_PER_UNIT: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

const port = z.coerce.number().int().min(0).max(65_535);
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** Every environment variable the predictor reads (exported for the compose consistency test). */
export const PredictorEnvSchema = z.object({
  /** HTTP port */
  PORT: port.default(3000),
  /** gRPC port (jobcast.v1.Predictor + grpc.health.v1) */
  GRPC_PORT: port.default(50051),
  /** interface both servers bind to */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** a folder with one sub-folder per model family (`calcloud/`, `runtime/`); when unset, the trainer's registry */
  PREDICTOR_MODELS_DIR: optionalText,
  /** the trainer's model store (`<store>/<family>/<run>/`): a folder, or `s3://bucket/prefix`; used with the registry */
  MODEL_STORE_URL: optionalText,
  /** S3-compatible endpoint (MinIO, Ceph …) for an s3:// store; unset = AWS */
  MODEL_STORE_S3_ENDPOINT: optionalText.pipe(z.url().optional()),
  MODEL_STORE_S3_REGION: z.string().min(1).default('us-east-1'),
  /** path-style bucket addressing, which most S3-compatible servers need */
  MODEL_STORE_S3_PATH_STYLE: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
  /** where runs from an s3:// store are downloaded before loading */
  PREDICTOR_CACHE_DIR: z.string().min(1).default(join(tmpdir(), 'jobcast-predictor')),
  /** PostgreSQL holding the trainer's model registry */
  DATABASE_URL: optionalText,
  /** comma-separated Kafka brokers; when unset the predictor neither consumes queued jobs nor hears model events */
  KAFKA_BROKERS: optionalText,
  /** consumer group of the predictor on jobcast.job-status.v1 (each predictor replica of a group shares the work) */
  PREDICTOR_GROUP_ID: z.string().min(1).default('jobcast-predictor'),
  /** trainer base URL; `/update` forwards to `<TRAINER_URL>/v1/training-runs` */
  TRAINER_URL: optionalText.pipe(z.url().optional()),
  /** when set, `/update` and admin routes need `Authorization: Bearer <token>` */
  PREDICTOR_ADMIN_TOKEN: optionalText,
  /** largest accepted HTTP body (bytes or a size like 32mb; k = 1024), read as a number of bytes; larger → 413 */
  PREDICTOR_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)?$/i, 'a size such as 32mb')
    .default('32mb')
    .transform((size) => Number.parseInt(size, 10) * (BYTES_PER_UNIT[size.replace(/^\d+/, '').toLowerCase()] ?? 1)),
  /** this replica's name, unique among replicas and stable across its restarts: its model-events consumer group */
  PREDICTOR_INSTANCE_ID: z.string().min(1).default(hostname()),
  /** most queued jobs remembered for /queuetime (oldest forgotten first) */
  PREDICTOR_QUEUE_LIMIT: z.coerce.number().int().positive().default(200_000),
});
export type PredictorConfig = z.infer<typeof PredictorEnvSchema>;

/** Reads and validates the environment once; the error names every bad variable. */
export function loadPredictorConfig(env: NodeJS.ProcessEnv = process.env): PredictorConfig {
  const result = PredictorEnvSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid predictor configuration: ${problems.join('; ')}`);
  }
  return result.data;
}

export const PREDICTOR_CONFIG = Symbol('PredictorConfig');
