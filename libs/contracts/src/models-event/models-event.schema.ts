import { z } from 'zod';
import { Topics } from '../topics/topics';

/** Announces a new champion so every predictor reloads it. */
export const MODELS_EVENT_TOPIC = Topics.models;

/**
 * Value of a `jobcast.models.v1` message: a model version became champion of its family (by the promotion gate or
 * a rollback). `location` is the artifact folder in the model store (a path for the folder store, `s3://bucket/prefix`
 * for S3); `checksums` are the sha256 of every artifact, relative to `location`, for the predictor to verify.
 */
export const ModelsEvent = z.object({
  type: z.literal('champion-promoted'),
  family: z.string().min(1),
  kind: z.string().min(1),
  modelId: z.string().uuid(),
  /** the run name that produced the model, unique within the family */
  version: z.string().min(1),
  location: z.string().min(1),
  checksums: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  metrics: z.record(z.string(), z.number()),
  /** the champion this one replaced, if any */
  previousModelId: z.string().uuid().nullable(),
  reason: z.enum(['gate', 'rollback']),
  promotedAt: z.iso.datetime({ offset: true }),
});
export type ModelsEvent = z.infer<typeof ModelsEvent>;
