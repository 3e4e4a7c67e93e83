import type { JobRun } from '@jobcast/contracts';

/**
 * Queue-wait group by job size, as QBETS bins batch queues by processor count: wide jobs wait for more of the
 * machine to free up, so their waits come from a different distribution than narrow ones.
 */
export function processorClass(run: JobRun): string {
  const processors = run.cpuCount;
  if (processors === null) return 'procs-unknown';
  if (processors <= 8) return 'procs-1-8';
  if (processors <= 32) return 'procs-9-32';
  return 'procs-33+';
}
