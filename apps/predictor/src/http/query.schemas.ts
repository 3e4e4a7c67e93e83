import { z } from 'zod';

const jobTypeOrAny = z.string().min(1).max(512);

/** `GET /runtime` and `/runcost` (SOAMC): `*` = any job type / instance. */
export const RuntimeQuery = z.object({
  jobtype: jobTypeOrAny,
  instance: z.string().min(1).max(128).default('*'),
});
export type RuntimeQueryParams = z.infer<typeof RuntimeQuery>;

const positiveCount = (fallback: number, max: number) => z.coerce.number().int().min(0).max(max).default(fallback);

/** `GET /queuetime` (SOAMC): the `size` oldest queued jobs drained by `nodes` workers. */
export const QueueTimeQuery = z.object({
  size: positiveCount(1000, 1_000_000),
  nodes: positiveCount(1, 100_000),
});
export type QueueTimeQueryParams = z.infer<typeof QueueTimeQuery>;
