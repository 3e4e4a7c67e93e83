import { type CondorHold, type CondorJob, holdCodeKey } from '@jobcast/features';
import { isMemoryHold, memoryAfterOutOfMemoryMb } from './memory-hold';
import type { ReleaseHistory } from './release-history';

/** HTCondor's hold code for condor_hold by a user or an administrator (reference §5). */
export const USER_HOLD_CODE = 1;

export type HoldAction = 'release' | 'remove' | 'leave-to-user';

export type HoldEvidence =
  | {
      kind: 'memory';
      /** the peak the log showed up to the hold, else the request the job outgrew */
      usageMb: number;
      usageFrom: 'peak' | 'request';
      requestMemoryMb: number | null;
      recommendedMemoryMb: number;
      maxMemoryMb: number | null;
    }
  | {
      kind: 'history';
      holdCode: string;
      samples: number;
      succeeded: number;
      estimate: number;
      threshold: number;
      minSamples: number;
    }
  | { kind: 'user' };

export interface HoldAdvice {
  jobId: string;
  action: HoldAction;
  /** one sentence a user can act on */
  reason: string;
  hold: CondorHold;
  evidence: HoldEvidence;
}

export interface HoldAdvisorOptions {
  /** the largest request_memory the pool can match, MB; a memory hold needing more is advised `remove` */
  maxMemoryMb?: number;
  /** release when the estimated success rate of releasing exceeds this; default 0.5 */
  releaseThreshold?: number;
  /** fewer released jobs with the hold's code than this: no advice from the history; default 3 */
  minReleaseSamples?: number;
}

const DEFAULT_RELEASE_THRESHOLD = 0.5;
const DEFAULT_MIN_RELEASE_SAMPLES = 3;

/**
 * Advice for a held job, from its last hold (or the one given, to replay what would have been said then):
 * - a memory hold → `release` with a new request_memory by the VPA rule over the observed peak, or `remove` when
 *   that exceeds the pool's maximum;
 * - a user hold → `leave-to-user`: someone held it on purpose;
 * - any other → `release` when jobs released from holds with the same code mostly terminated normally
 *   (Beta(1, 1) estimate above the threshold), else `remove`; `leave-to-user` when too few such jobs to tell.
 */
export function adviseHold(
  job: CondorJob,
  history: ReleaseHistory,
  options: HoldAdvisorOptions = {},
  hold: CondorHold | undefined = job.holds[job.holds.length - 1],
): HoldAdvice {
  if (!hold) throw new Error(`job ${job.id} has no hold to advise on`);
  const [action, reason, evidence] =
    memoryAdvice(job, hold, options.maxMemoryMb ?? null) ??
    (hold.code === USER_HOLD_CODE
      ? ['leave-to-user', 'held by a user (code 1): release or remove is their call', { kind: 'user' }]
      : historyAdvice(
          hold,
          history,
          options.releaseThreshold ?? DEFAULT_RELEASE_THRESHOLD,
          options.minReleaseSamples ?? DEFAULT_MIN_RELEASE_SAMPLES,
        ));
  return { jobId: job.id, action, reason, hold, evidence };
}

type Advised = [HoldAction, string, HoldEvidence];

/** Null when the hold is not about memory, or nothing tells how much the job used. */
function memoryAdvice(job: CondorJob, hold: CondorHold, maxMemoryMb: number | null): Advised | null {
  const peak = hold.peakMemoryMb ?? job.peakMemoryMb;
  const request = hold.requestMemoryMb ?? job.requestMemoryMb;
  const usage = peak ?? request;
  if (!isMemoryHold(job, hold) || usage === null) return null;
  const recommended = memoryAfterOutOfMemoryMb(usage);
  const evidence: HoldEvidence = {
    kind: 'memory',
    usageMb: usage,
    usageFrom: peak === null ? 'request' : 'peak',
    requestMemoryMb: request,
    recommendedMemoryMb: recommended,
    maxMemoryMb,
  };
  const seen = peak === null ? `outgrew its request of ${usage} MB` : `used ${usage} MB`;
  if (maxMemoryMb !== null && recommended > maxMemoryMb) {
    const reason = `held for memory: it ${seen} and would need ${recommended} MB, more than the pool's ${maxMemoryMb} MB`;
    return ['remove', reason, evidence];
  }
  return ['release', `held for memory: it ${seen}; release with request_memory = ${recommended} MB`, evidence];
}

function historyAdvice(hold: CondorHold, history: ReleaseHistory, threshold: number, minSamples: number): Advised {
  const { samples, succeeded, estimate } = history.record(hold.code);
  const holdCode = holdCodeKey(hold.code);
  const evidence: HoldEvidence = { kind: 'history', holdCode, samples, succeeded, estimate, threshold, minSamples };
  // The prior alone (0.5) would decide a hold the history has not seen; say so instead of guessing.
  if (samples < minSamples) {
    const few = `${samples} released job${samples === 1 ? '' : 's'} with hold code ${holdCode} in the history`;
    return ['leave-to-user', `${few}, fewer than ${minSamples}: too few to advise`, evidence];
  }
  const rate =
    `${succeeded} of ${samples} released jobs with hold code ${holdCode} terminated normally ` +
    `(estimate ${estimate.toFixed(2)})`;
  return estimate > threshold
    ? ['release', `${rate}, above ${threshold}`, evidence]
    : ['remove', `${rate}, not above ${threshold}`, evidence];
}

/** The jobs whose last event left them held, in log order. */
export function jobsOnHold(jobs: readonly CondorJob[]): CondorJob[] {
  return jobs.filter((job) => job.outcome === 'held');
}
