import type { CondorJob } from '@jobcast/features';

/** What the history says about releasing jobs held with one hold code. */
export interface ReleaseRecord {
  /** finished jobs that were released from a hold with this code */
  samples: number;
  /** of those, the ones that then terminated normally: releasing was right */
  succeeded: number;
  /** posterior mean of the success rate under a Beta(1, 1) prior: (succeeded + 1) / (samples + 2) */
  estimate: number;
}

/** A hold without `Code` (old logs) is counted under this key. */
export const UNKNOWN_HOLD_CODE = 'unknown';

/**
 * Learns from finished jobs that went through a hold → release cycle whether releasing paid off, per hold code
 * (the code of the last hold that was released). The label follows reference §5: terminated normally = 1,
 * removed or terminated abnormally = 0. Jobs still held, idle or running have no label yet and are not samples.
 */
export class ReleaseHistory {
  private readonly counts = new Map<string, { samples: number; succeeded: number }>();

  static learn(jobs: Iterable<CondorJob>): ReleaseHistory {
    const history = new ReleaseHistory();
    for (const job of jobs) history.observe(job);
    return history;
  }

  observe(job: CondorJob): void {
    const label = releaseLabel(job);
    const code = releasedHoldCode(job);
    if (label === null || code === null) return;
    const count = this.counts.get(code) ?? { samples: 0, succeeded: 0 };
    count.samples++;
    count.succeeded += label;
    this.counts.set(code, count);
  }

  record(code: number | null): ReleaseRecord {
    const { samples, succeeded } = this.counts.get(holdCodeKey(code)) ?? { samples: 0, succeeded: 0 };
    return { samples, succeeded, estimate: (succeeded + 1) / (samples + 2) };
  }

  /** finished jobs with a hold → release cycle, over all hold codes */
  get samples(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count.samples;
    return total;
  }
}

export const holdCodeKey = (code: number | null): string => (code === null ? UNKNOWN_HOLD_CODE : String(code));

function releaseLabel(job: CondorJob): 0 | 1 | null {
  switch (job.outcome) {
    case 'terminated-normally':
      return 1;
    case 'terminated-abnormally':
    case 'removed':
      return 0;
    default:
      return null;
  }
}

/** The code of the last hold that a release followed, or null when the job was never released. */
function releasedHoldCode(job: CondorJob): string | null {
  const released = job.holds.filter((hold) => job.releasedAt.some((release) => release >= hold.time));
  return released.length === 0 ? null : holdCodeKey(released[released.length - 1].code);
}
