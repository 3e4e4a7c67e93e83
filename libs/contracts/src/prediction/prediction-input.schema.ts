import { z } from 'zod';
import { readPlainCalcloudKeywords, readPlainJobSpec } from './plain-prediction-input';

/**
 * What a caller may send to be predicted. Three shapes are accepted because schedulers already hold one of them:
 * a raw HySDS `job_status` document, a `JobRun`-like object, or calcloud keywords. `classifyPredictionInput`
 * tells them apart by their distinguishing keys; each schema then validates its own shape.
 */

const text = z.string().min(1).max(512);
const keyword = z.union([z.string().max(64), z.boolean(), z.number().finite(), z.null()]);

/** HST calcloud job keywords (reference §4); a missing keyword encodes as 0. */
export const CalcloudKeywords = z.object({
  /** the ipppssoot; its first letter gives the instrument and its last character the association flag */
  dataset: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{2,31}$/, 'a dataset id (ipppssoot) such as ia2l51030'),
  n_files: z.number().int().nonnegative().max(1e7),
  total_mb: z.number().finite().nonnegative().max(1e9),
  DETECTOR: keyword.optional(),
  SUBARRAY: keyword.optional(),
  DRIZCORR: keyword.optional(),
  PCTECORR: keyword.optional(),
  CRSPLIT: keyword.optional(),
});
export type CalcloudKeywords = z.infer<typeof CalcloudKeywords>;

/** A `JobRun`-like object: only the job type is required; the rest sharpens the answer. */
export const JobSpec = z.object({
  payloadId: text.optional(),
  jobType: text,
  instanceType: z.string().max(128).nullable().optional(),
  queue: z.string().max(512).nullable().optional(),
  features: z.record(z.string().max(128), keyword).optional(),
});
export type JobSpec = z.infer<typeof JobSpec>;

/** A raw HySDS job_status document: loosely typed here; the HySDS normalizer in libs/features reads it. */
export const RawJobStatusDocument = z
  .object({
    payload_id: text.optional(),
    type: text.optional(),
    job: z.object({ type: text.optional() }).passthrough().optional(),
  })
  .passthrough()
  .refine((doc) => doc.type !== undefined || doc.job?.type !== undefined, {
    message: 'a job_status document needs `type` or `job.type`',
    path: ['type'],
  });
export type RawJobStatusDocument = z.infer<typeof RawJobStatusDocument>;

export type PredictionInputKind = 'job-status' | 'job-run' | 'calcloud';

export type PredictionInput =
  | { kind: 'job-status'; document: RawJobStatusDocument }
  | { kind: 'job-run'; job: JobSpec }
  | { kind: 'calcloud'; keywords: CalcloudKeywords };

const CALCLOUD_KEYS = ['dataset', 'n_files', 'total_mb', 'DETECTOR', 'SUBARRAY', 'DRIZCORR', 'PCTECORR', 'CRSPLIT'];

/** Which of the three shapes a body claims to be, or null when it resembles none. Cheap: looks at keys only. */
export function classifyPredictionInput(body: unknown): PredictionInputKind | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const record = body as Record<string, unknown>;
  if ('jobType' in record) return 'job-run';
  if ('job' in record || 'payload_id' in record || 'resource' in record || ('type' in record && 'status' in record)) {
    return 'job-status';
  }
  if (CALCLOUD_KEYS.some((key) => key in record)) return 'calcloud';
  return null;
}

/** An issue found while reading a prediction input: the dotted path of the field and what is wrong with it. */
export interface InputIssue {
  field: string;
  message: string;
}

export type ParsedPredictionInput = { ok: true; input: PredictionInput } | { ok: false; issues: InputIssue[] };

/** Classifies then validates one body; never throws. */
export function parsePredictionInput(body: unknown): ParsedPredictionInput {
  const kind = classifyPredictionInput(body);
  if (kind === null) {
    return {
      ok: false,
      issues: [
        {
          field: '(body)',
          message: 'expected a job_status document, a JobRun-like object with jobType, or calcloud keywords (dataset, n_files, total_mb)',
        },
      ],
    };
  }
  // the common, plainly valid bodies skip zod (same result); the schema reads and explains the rest
  if (kind === 'calcloud') {
    const keywords = readPlainCalcloudKeywords(body);
    if (keywords !== undefined) return { ok: true, input: { kind, keywords } };
  } else if (kind === 'job-run') {
    const job = readPlainJobSpec(body);
    if (job !== undefined) return { ok: true, input: { kind, job } };
  }
  const schema = kind === 'job-run' ? JobSpec : kind === 'calcloud' ? CalcloudKeywords : RawJobStatusDocument;
  const result = schema.safeParse(body);
  if (!result.success) {
    return {
      ok: false,
      issues: result.error.issues.map((issue) => ({
        field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)',
        message: issue.message,
      })),
    };
  }
  if (kind === 'job-run') return { ok: true, input: { kind, job: result.data as JobSpec } };
  if (kind === 'calcloud') return { ok: true, input: { kind, keywords: result.data as CalcloudKeywords } };
  return { ok: true, input: { kind, document: result.data as RawJobStatusDocument } };
}

/** Upper bound of one batch call (HTTP and gRPC). */
export const MAX_PREDICTION_BATCH = 10_000;
