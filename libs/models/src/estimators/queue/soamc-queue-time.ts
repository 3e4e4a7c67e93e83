import type { QueueTimeEstimate } from '@jobcast/contracts';
import { ANY, type SoamcRuntimeEstimator } from '../runtime';

/** A job waiting in the queue; `weight` scales its share of the nodes (1 in SOAMC, where a job takes a node). */
export interface QueuedJob {
  jobType: string;
  weight?: number;
}

export interface SoamcQueueTime extends QueueTimeEstimate {
  /** queued jobs whose type had no runtime history; they add nothing to min and max */
  unestimated: number;
}

const SECONDS_PER_DAY = 86_400;

/**
 * SOAMC's `/queuetime` formula (reference §2): for each queued job the runtime of its type on any instance;
 * min = Σ max(0, median − std) / nodes, max = Σ (median + std) / nodes, in days.
 */
export function soamcQueueTime(
  queued: readonly QueuedJob[],
  nodes: number,
  runtime: SoamcRuntimeEstimator,
): SoamcQueueTime {
  if (!(Number.isFinite(nodes) && nodes > 0)) throw new RangeError(`nodes must be a positive number, got ${nodes}`);
  let low = 0;
  let high = 0;
  let unestimated = 0;
  for (const job of queued) {
    const statistics = runtime.estimate(job.jobType, ANY);
    if (statistics === null) {
      unestimated++;
      continue;
    }
    const weight = job.weight ?? 1;
    low += weight * Math.max(0, statistics.mean - statistics.stdev);
    high += weight * (statistics.mean + statistics.stdev);
  }
  return {
    name: 'Queue Time Estimate',
    njobs: queued.length,
    min: low / nodes / SECONDS_PER_DAY,
    max: high / nodes / SECONDS_PER_DAY,
    units: 'day',
    unestimated,
  };
}
