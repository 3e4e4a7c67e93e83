import type { CondorHold, CondorJob } from '@jobcast/features';

/** HTCondor's hold code for "job out of resources" (reference §5). */
export const OUT_OF_MEMORY_HOLD_CODE = 34;
/** A startd policy hold (code 21) with this subcode is the memory limit of IceCube-style pools. */
const STARTD_HOLD_CODE = 21;
const STARTD_MEMORY_SUBCODE = 1001;
const MEMORY_LIMIT_TEXT = /memory limit/i;

/** Whether a hold is the job outgrowing its memory: by code, or by the hold reason or a 007 exception saying so. */
export function isMemoryHold(job: CondorJob, hold: CondorHold): boolean {
  if (hold.code === OUT_OF_MEMORY_HOLD_CODE) return true;
  if (hold.code === STARTD_HOLD_CODE && hold.subcode === STARTD_MEMORY_SUBCODE) return true;
  return [hold.reason ?? '', ...job.exceptions].some((text) => MEMORY_LIMIT_TEXT.test(text));
}

/**
 * The Kubernetes Vertical Pod Autoscaler's request after an out-of-memory kill (reference §7):
 * max(1.2 × usage, usage + 100 MiB), rounded up to a whole MB (HTCondor's MB are MiB).
 */
export function memoryAfterOutOfMemoryMb(usageMb: number): number {
  return Math.ceil(Math.max(1.2 * usageMb, usageMb + 100));
}
