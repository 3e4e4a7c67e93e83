import type { JobRun } from '@jobcast/contracts';
import { median, percentileOfSorted, sortedAscending, standardDeviation } from '../statistics';

/** SOAMC's `/runtime` figures; `mean` is SOAMC's name for what is in fact the median. */
export interface SoamcRuntimeStatistics {
  mean: number;
  stdev: number;
  /** 1st / 99th percentiles, only computed by SOAMC for 10 samples or more */
  p1: number | null;
  p99: number | null;
  samples: number;
}

/** Matches any job type or any instance, as in SOAMC's queries. */
export const ANY = '*';

/**
 * SOAMC's rule (reference §2), reproduced exactly as the baseline: one sample → that value; fewer than 10 →
 * median and standard deviation; otherwise drop the samples at or above the 90th percentile, then median,
 * standard deviation and the 1st / 99th percentiles of what is left.
 */
export function soamcStatistics(samples: readonly number[]): SoamcRuntimeStatistics | null {
  if (samples.length === 0) return null;
  if (samples.length === 1) return { mean: samples[0], stdev: 0, p1: null, p99: null, samples: 1 };
  if (samples.length < 10) {
    return { mean: median(samples), stdev: standardDeviation(samples), p1: null, p99: null, samples: samples.length };
  }
  const sorted = sortedAscending(samples);
  const cut = percentileOfSorted(sorted, 90);
  const kept = sorted.filter((value) => value < cut);
  return {
    mean: percentileOfSorted(kept, 50),
    stdev: standardDeviation(kept),
    p1: percentileOfSorted(kept, 1),
    p99: percentileOfSorted(kept, 99),
    samples: samples.length,
  };
}

/**
 * SOAMC's estimator: an exact filter on (job type, instance) over every completed run it has seen, `*` matching
 * any. It keeps all samples, as SOAMC's SQLite table does; the answer is computed at query time.
 */
export class SoamcRuntimeEstimator {
  private readonly samplesByType = new Map<string, Map<string, number[]>>();
  /** answers since the last new sample; a queue estimate asks for the same types again and again */
  private readonly answers = new Map<string, SoamcRuntimeStatistics | null>();

  static fit(runs: Iterable<JobRun>): SoamcRuntimeEstimator {
    const estimator = new SoamcRuntimeEstimator();
    for (const run of runs) estimator.observe(run);
    return estimator;
  }

  /** Adds a run if it completed with a known duration and instance; returns whether it was used. */
  observe(run: JobRun): boolean {
    if (run.status !== 'job-completed' || run.durationSeconds === null || run.instanceType === null) return false;
    let byInstance = this.samplesByType.get(run.jobType);
    if (!byInstance) this.samplesByType.set(run.jobType, (byInstance = new Map()));
    const samples = byInstance.get(run.instanceType);
    if (samples) samples.push(run.durationSeconds);
    else byInstance.set(run.instanceType, [run.durationSeconds]);
    this.answers.clear();
    return true;
  }

  /** null when no run matches, as SOAMC has nothing to answer then. */
  estimate(jobType: string, instance: string): SoamcRuntimeStatistics | null {
    const key = `${jobType}\u0000${instance}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = soamcStatistics(this.matchingSamples(jobType, instance));
      this.answers.set(key, answer);
    }
    return answer;
  }

  private matchingSamples(jobType: string, instance: string): number[] {
    const types = jobType === ANY ? [...this.samplesByType.values()] : [this.samplesByType.get(jobType)];
    const matching: number[] = [];
    for (const byInstance of types) {
      if (!byInstance) continue;
      if (instance === ANY) for (const samples of byInstance.values()) matching.push(...samples);
      else matching.push(...(byInstance.get(instance) ?? []));
    }
    return matching;
  }
}
