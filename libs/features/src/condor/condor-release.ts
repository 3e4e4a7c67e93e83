import type { CondorJob } from './condor-job';

/** A hold without `Code` (old logs) is counted under this key. */
export const UNKNOWN_HOLD_CODE = 'unknown';

export const holdCodeKey = (code: number | null): string => (code === null ? UNKNOWN_HOLD_CODE : String(code));

/** The code of the last hold that a release followed (`unknown` when the log wrote none), or null when never released. */
export function releasedHoldCode(job: CondorJob): string | null {
  const released = job.holds.filter((hold) => job.releasedAt.some((release) => release >= hold.time));
  return released.length === 0 ? null : holdCodeKey(released[released.length - 1].code);
}

/**
 * The label of reference §5: true when the job terminated normally (whatever its return value), false when it was
 * removed or terminated abnormally, null while it is still held, idle or running.
 */
export function terminatedNormally(job: CondorJob): boolean | null {
  switch (job.outcome) {
    case 'terminated-normally':
      return true;
    case 'terminated-abnormally':
    case 'removed':
      return false;
    default:
      return null;
  }
}
