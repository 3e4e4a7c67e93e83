import { assembleCondorJobs, type CondorLogOptions, type CondorRejectedRecord, parseCondorLog } from '@jobcast/features';
import { adviseHold, type HoldAdvice, type HoldAdvisorOptions, jobsOnHold } from './hold-advisor';
import { ReleaseHistory } from './release-history';

export interface CondorLogAdvice {
  /** one per job on hold at the end of the log, in log order */
  advice: HoldAdvice[];
  /** malformed records, skipped */
  rejected: CondorRejectedRecord[];
  /** jobs the log holds */
  jobs: number;
  /** released jobs that finished, in the stored history and the log together */
  historySamples: number;
}

/**
 * Advice for every job on hold at the end of an event log, from a stored release history (a trained `condor-hold`
 * model; null for none) with the log's own released jobs that finished added to it.
 */
export function adviseCondorLog(
  text: string,
  stored: ReleaseHistory | null,
  options: HoldAdvisorOptions & CondorLogOptions = {},
): CondorLogAdvice {
  const { events, rejected } = parseCondorLog(text, { year: options.year });
  const { jobs } = assembleCondorJobs(events);
  const history = ReleaseHistory.learn(jobs);
  if (stored !== null) history.merge(stored);
  const advice = jobsOnHold(jobs).map((job) => adviseHold(job, history, options));
  return { advice, rejected, jobs: jobs.length, historySamples: history.samples };
}
