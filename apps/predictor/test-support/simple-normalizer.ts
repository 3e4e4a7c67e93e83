import type { JobRun } from '@jobcast/contracts';
import type { JobStatusNormalizer } from '../src/prediction/job-status-normalizer.port';

/**
 * A stand-in for the HySDS normalizer of libs/features in suites that test transport, not normalization:
 * it reads the id, type, status, instance and job params and refuses a document without a type.
 */
export const simpleNormalizer: JobStatusNormalizer = (document) => {
  const doc = (document ?? {}) as Record<string, any>;
  const jobType = doc.type ?? doc.job?.type;
  if (typeof jobType !== 'string' || jobType.length === 0) return { ok: false, reason: 'no job type' };
  const run: JobRun = {
    payloadId: typeof doc.payload_id === 'string' ? doc.payload_id : 'unknown',
    source: 'hysds',
    jobId: null,
    jobType,
    queue: null,
    instanceType: doc.job?.job_info?.facts?.ec2_instance_type ?? null,
    status: typeof doc.status === 'string' ? doc.status : 'job-queued',
    exitCode: null,
    queuedAt: null,
    startedAt: null,
    endedAt: null,
    updatedAt: new Date(0).toISOString(),
    queueWaitSeconds: null,
    durationSeconds: null,
    commandDurationSeconds: null,
    inputCount: null,
    inputBytes: null,
    outputBytes: null,
    peakMemoryBytes: null,
    cpuCount: null,
    tags: [],
    features: typeof doc.job?.params === 'object' && doc.job.params !== null ? doc.job.params : {},
  };
  return { ok: true, run };
};
