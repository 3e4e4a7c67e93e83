import { HistorySimulator } from './history-simulator';
import { parseHistoryOptions, type HistoryOptionsInput } from './history-options';
import { jobStatusDocuments, type SyntheticJobStatusDocument } from './job-status-document';

/**
 * A realistic, reproducible HySDS job history as `job_status` documents, produced lazily (a million documents never
 * sit in memory at once). Documents come in submission order; with `withUpdates` each job's earlier states precede
 * its final one.
 */
export function* generateHistory(options: HistoryOptionsInput): Generator<SyntheticJobStatusDocument> {
  const settings = parseHistoryOptions(options);
  const simulator = new HistorySimulator({
    jobs: settings.jobs,
    seed: settings.seed,
    start: settings.start.getTime(),
    days: settings.days,
  });
  for (const job of simulator.jobs()) yield* jobStatusDocuments(job, settings.withUpdates);
}
