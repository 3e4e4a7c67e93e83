import { extname } from 'node:path';

/** Which built-in history the embedded mode runs on, from `--history`. */
export type HistoryChoice =
  | { kind: 'synthetic'; jobs: number; seed: number }
  /** job_status documents: NDJSON (one per line) or an SWF trace converted job by job */
  | { kind: 'job-status-file'; path: string }
  /** a calcloud training export: rows are job runs already, imported straight into job_runs */
  | { kind: 'calcloud-csv'; path: string };

export function chooseHistory(history: string, jobs: number, seed: number): HistoryChoice {
  if (history === 'synthetic') return { kind: 'synthetic', jobs, seed };
  return extname(history).toLowerCase() === '.csv' ? { kind: 'calcloud-csv', path: history } : { kind: 'job-status-file', path: history };
}

export function describeHistory(choice: HistoryChoice): string {
  switch (choice.kind) {
    case 'synthetic':
      return `${choice.jobs.toLocaleString('en-US')} synthetic HySDS jobs (seed ${choice.seed})`;
    case 'job-status-file':
      return `job_status documents from ${choice.path}`;
    case 'calcloud-csv':
      return `calcloud job runs from ${choice.path}`;
  }
}
