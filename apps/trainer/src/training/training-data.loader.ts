import { Inject, Injectable } from '@nestjs/common';
import type { JobRun } from '@jobcast/contracts';
import type { JobRunRepository } from '@jobcast/db';
import type { ModelFamily } from '@jobcast/models';
import { JOB_RUNS } from '../tokens';

export interface DataWindow {
  /** inclusive ISO-8601, null = from the first run */
  from: string | null;
  /** exclusive ISO-8601 */
  to: string;
}

/** The loader of a training task: a family's job runs inside a time window, read page by page from `job_runs`. */
@Injectable()
export class TrainingDataLoader {
  constructor(@Inject(JOB_RUNS) private readonly jobRuns: JobRunRepository) {}

  async load(family: ModelFamily, window: DataWindow): Promise<JobRun[]> {
    const rows: JobRun[] = [];
    const query = { source: family.source, from: window.from ?? undefined, to: window.to };
    for await (const page of this.jobRuns.findForTraining(query)) rows.push(...page);
    return rows;
  }
}

/** The last `days` days before `now`; 0 = all history. */
export function windowOfDays(days: number, now: Date = new Date()): DataWindow {
  return {
    from: days === 0 ? null : new Date(now.getTime() - days * 86_400_000).toISOString(),
    to: now.toISOString(),
  };
}
