import type { JobRun } from '@jobcast/contracts';
import type { HysdsFeatureInput } from '../../features';

/** What is known about a job before it runs, enough to ask for its runtime. */
export interface RuntimeQuery {
  jobType: string;
  instanceType: string | null;
  queue?: string | null;
  inputCount?: number | null;
  inputBytes?: number | null;
  /** job parameters; when given, unseen job types are answered from the nearest known ones */
  features?: HysdsFeatureInput['features'];
  /** the job is killed at this limit, so no estimate exceeds it */
  timeLimitSeconds?: number | null;
}

/** Feature keys that carry a job's time limit: HySDS `time_limit`, SWF's requested time. */
export const TIME_LIMIT_FEATURES = ['time_limit', 'requested_time_s'] as const;

/** The query a scheduler could have made for this run at submit time. */
export function runtimeQueryFromJobRun(run: JobRun): RuntimeQuery {
  let timeLimitSeconds: number | null = null;
  for (const key of TIME_LIMIT_FEATURES) {
    const value = run.features[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
      timeLimitSeconds = value;
      break;
    }
  }
  return {
    jobType: run.jobType,
    instanceType: run.instanceType,
    queue: run.queue,
    inputCount: run.inputCount,
    inputBytes: run.inputBytes,
    features: run.features,
    timeLimitSeconds,
  };
}
