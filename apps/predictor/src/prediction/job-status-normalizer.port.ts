import type { JobRun } from '@jobcast/contracts';

/** Reads a raw HySDS job_status document into a JobRun (the HySDS normalizer of libs/features). */
export type JobStatusNormalizer = (document: unknown) => { ok: true; run: JobRun } | { ok: false; reason: string };

export const JOB_STATUS_NORMALIZER = Symbol('JobStatusNormalizer');
