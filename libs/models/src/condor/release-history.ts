import type { JobRun } from '@jobcast/contracts';
import { type CondorJob, holdCodeKey, releasedHoldCode, terminatedNormally } from '@jobcast/features';

/** What the history says about releasing jobs held with one hold code. */
export interface ReleaseRecord {
  /** finished jobs that were released from a hold with this code */
  samples: number;
  /** of those, the ones that then terminated normally: releasing was right */
  succeeded: number;
  /** posterior mean of the success rate under a Beta(1, 1) prior: (succeeded + 1) / (samples + 2) */
  estimate: number;
}

/** Per hold code (`holdCodeKey`): released jobs that finished, and how many of them terminated normally. */
export type ReleaseCounts = Record<string, { samples: number; succeeded: number }>;

/**
 * Learns from finished jobs that went through a hold → release cycle whether releasing paid off, per hold code
 * (the code of the last hold that was released). The label follows reference §5: terminated normally = 1,
 * removed or terminated abnormally = 0. Jobs still held, idle or running have no label yet and are not samples.
 * It reads jobs of a log (`observe`) or the job runs stored from them (`observeRun`, the trainer's rows).
 */
export class ReleaseHistory {
  private readonly counts = new Map<string, { samples: number; succeeded: number }>();

  static learn(jobs: Iterable<CondorJob>): ReleaseHistory {
    const history = new ReleaseHistory();
    for (const job of jobs) history.observe(job);
    return history;
  }

  /** Counts as `toCounts` wrote them; anything else (a damaged file) is refused, naming the code. */
  static fromCounts(counts: ReleaseCounts): ReleaseHistory {
    const history = new ReleaseHistory();
    for (const [code, { samples, succeeded }] of Object.entries(counts)) {
      if (!Number.isInteger(samples) || !Number.isInteger(succeeded) || succeeded < 0 || succeeded > samples) {
        throw new Error(`release counts of hold code ${code} are not 0 ≤ succeeded ≤ samples: ${JSON.stringify({ samples, succeeded })}`);
      }
      history.count(code, samples, succeeded);
    }
    return history;
  }

  observe(job: CondorJob): void {
    const label = terminatedNormally(job);
    const code = releasedHoldCode(job);
    if (label !== null && code !== null) this.count(code, 1, label ? 1 : 0);
  }

  /** A condor job run, by the `released_hold_code` and `terminated_normally` its features carry. */
  observeRun(run: JobRun): void {
    const label = releaseLabelOfRun(run);
    if (label !== null) this.count(label.code, 1, label.succeeded ? 1 : 0);
  }

  /** Adds another history's counts to this one (a stored history plus what a log shows). */
  merge(other: ReleaseHistory): void {
    for (const [code, { samples, succeeded }] of other.counts) this.count(code, samples, succeeded);
  }

  record(code: number | null): ReleaseRecord {
    return this.recordOf(holdCodeKey(code));
  }

  /** The record of a hold code key as job runs carry it (`13`, `unknown`). */
  recordOf(key: string): ReleaseRecord {
    const { samples, succeeded } = this.counts.get(key) ?? { samples: 0, succeeded: 0 };
    return { samples, succeeded, estimate: (succeeded + 1) / (samples + 2) };
  }

  /** finished jobs with a hold → release cycle, over all hold codes */
  get samples(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count.samples;
    return total;
  }

  toCounts(): ReleaseCounts {
    return Object.fromEntries([...this.counts].map(([code, count]) => [code, { ...count }]));
  }

  private count(code: string, samples: number, succeeded: number): void {
    const count = this.counts.get(code) ?? { samples: 0, succeeded: 0 };
    count.samples += samples;
    count.succeeded += succeeded;
    this.counts.set(code, count);
  }
}

/** The hold code a condor run was released from and whether it then terminated normally; null when it is no sample. */
export function releaseLabelOfRun(run: JobRun): { code: string; succeeded: boolean } | null {
  const code = run.features['released_hold_code'];
  const succeeded = run.features['terminated_normally'];
  return run.source === 'condor' && typeof code === 'string' && typeof succeeded === 'boolean' ? { code, succeeded } : null;
}
