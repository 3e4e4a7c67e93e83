import type { CalcloudKeywords, JobSpec } from './prediction-input.schema';

/**
 * Hand-written readers for the two shapes batches are made of, for bodies that are plainly valid: they return exactly
 * what the zod schema's parse would (unknown keys dropped), or undefined for anything else — a bad value, an unusual
 * object — which the schema then reads and explains. Validating 10,000 items with zod is a fifth of a batch's cost;
 * these checks are a few comparisons per field. `plain-prediction-input.spec.ts` proves the agreement.
 */

const DATASET_ID = /^[a-zA-Z][a-zA-Z0-9]{2,31}$/;
const OPTIONAL_KEYWORDS = ['DETECTOR', 'SUBARRAY', 'DRIZCORR', 'PCTECORR', 'CRSPLIT'] as const;
const OPTIONAL_JOB_TEXTS = [
  ['instanceType', 128],
  ['queue', 512],
] as const;

type Body = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Body =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** A keyword value: text up to 64 characters, a boolean, a finite number or null. */
const isKeyword = (value: unknown): boolean =>
  value === null || typeof value === 'boolean' || (typeof value === 'string' && value.length <= 64) || (typeof value === 'number' && Number.isFinite(value));

const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length >= 1 && value.length <= max;

export function readPlainCalcloudKeywords(body: unknown): CalcloudKeywords | undefined {
  if (!isPlainObject(body)) return undefined;
  const { dataset, n_files, total_mb } = body;
  if (typeof dataset !== 'string' || !DATASET_ID.test(dataset)) return undefined;
  if (typeof n_files !== 'number' || !Number.isInteger(n_files) || n_files < 0 || n_files > 1e7) return undefined;
  if (typeof total_mb !== 'number' || !Number.isFinite(total_mb) || total_mb < 0 || total_mb > 1e9) return undefined;
  const keywords: CalcloudKeywords = { dataset, n_files, total_mb };
  for (const key of OPTIONAL_KEYWORDS) {
    if (!(key in body)) continue;
    const value = body[key];
    if (value === undefined || !isKeyword(value)) return undefined;
    keywords[key] = value as CalcloudKeywords[typeof key];
  }
  return keywords;
}

export function readPlainJobSpec(body: unknown): JobSpec | undefined {
  if (!isPlainObject(body)) return undefined;
  const { jobType, payloadId, features } = body;
  if (!isText(jobType, 512)) return undefined;
  const job: JobSpec = { jobType };
  if ('payloadId' in body) {
    if (!isText(payloadId, 512)) return undefined;
    job.payloadId = payloadId;
  }
  for (const [key, max] of OPTIONAL_JOB_TEXTS) {
    if (!(key in body)) continue;
    const value = body[key];
    if (value !== null && !(typeof value === 'string' && value.length <= max)) return undefined;
    job[key] = value;
  }
  if ('features' in body) {
    const read = readPlainFeatures(features);
    if (read === undefined) return undefined;
    job.features = read;
  }
  return job;
}

function readPlainFeatures(features: unknown): JobSpec['features'] | undefined {
  if (!isPlainObject(features)) return undefined;
  const read: NonNullable<JobSpec['features']> = {};
  for (const key of Object.keys(features)) {
    const value = features[key];
    if (key.length > 128 || key === '__proto__' || !isKeyword(value)) return undefined;
    read[key] = value as NonNullable<JobSpec['features']>[string];
  }
  return read;
}
