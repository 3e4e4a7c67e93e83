import { z } from 'zod';

/** Where a job record came from; each source has its own normalizer in libs/features. */
export const JobSource = z.enum(['hysds', 'calcloud', 'swf', 'condor']);
export type JobSource = z.infer<typeof JobSource>;

const isoDate = z.iso.datetime({ offset: true });
const seconds = z.number().finite().nonnegative();
const count = z.number().finite().nonnegative();

/**
 * One finished (or queued) job, normalized from any source. This is the row of `job_runs`
 * and the only input the models see. Dates are ISO-8601 strings so the record crosses Kafka and HTTP unchanged.
 */
export const JobRun = z.object({
  /** Unique per job across retries: HySDS payload_id, calcloud dataset id, `swf:<job number>`, ... */
  payloadId: z.string().min(1).max(512),
  source: JobSource,
  jobId: z.string().max(512).nullable(),
  /** e.g. `job-hello_world:develop`; for calcloud `job-hst_calibration:<instrument>` */
  jobType: z.string().min(1).max(512),
  queue: z.string().max(512).nullable(),
  instanceType: z.string().max(128).nullable(),
  /** HySDS status, e.g. `job-completed`, `job-queued` */
  status: z.string().min(1).max(64),
  exitCode: z.number().int().nullable(),
  queuedAt: isoDate.nullable(),
  startedAt: isoDate.nullable(),
  endedAt: isoDate.nullable(),
  /** time of the last status change (HySDS `@timestamp`); orders overwrites of the same payload */
  updatedAt: isoDate,
  queueWaitSeconds: seconds.nullable(),
  durationSeconds: seconds.nullable(),
  commandDurationSeconds: seconds.nullable(),
  inputCount: count.nullable(),
  inputBytes: count.nullable(),
  outputBytes: count.nullable(),
  peakMemoryBytes: count.nullable(),
  cpuCount: count.nullable(),
  tags: z.array(z.string()),
  /** family-specific inputs, e.g. calcloud's DETECTOR, SUBARRAY, n_files, total_mb; job params for HySDS */
  features: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type JobRun = z.infer<typeof JobRun>;
