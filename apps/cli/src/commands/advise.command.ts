import type { Command } from 'commander';
import type { CondorJob } from '@jobcast/features';
import {
  adviseHold,
  condorHoldFamily,
  type HoldAdvice,
  type HoldAdvisorOptions,
  jobsOnHold,
  ReleaseHistory,
} from '@jobcast/models';
import { condorLogYear, readCondorJobs } from '../import/condor-log-file';
import { openFraction, wholeNumber, wholeNumberFrom } from './option-parsers';

interface AdviseCondorFlags {
  history: string[];
  model?: string;
  maxMemoryMb?: number;
  threshold: number;
  minSamples: number;
  year?: number;
  everyHold: boolean;
  json: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/**
 * `jobcast advise condor <log>`: for each job still on hold at the end of an HTCondor event log, whether to release
 * it (and with what request_memory) or remove it, learnt from the log itself and any `--history` logs
 * (libs/models/src/condor). One line per job and a summary line on stdout; JSON lines with `--json`.
 */
export function register(program: Command): void {
  const advise = program.command('advise').description('advice on jobs that need a decision');
  advise
    .command('condor')
    .description('release or remove each job on hold at the end of an HTCondor job event log')
    .argument('<log>', 'the event log')
    .option('--history <log>', 'another event log to learn release outcomes from (repeatable)', collect, [])
    .option('--model <run>', 'a trained condor-hold run folder whose release history counts too (its models/release_history.json)')
    .option('--max-memory-mb <n>', 'the largest request_memory the pool can match; memory holds needing more: remove', wholeNumberFrom(1))
    .option('--threshold <p>', 'release when the estimated success rate of releasing exceeds this', openFraction, 0.5)
    .option('--min-samples <n>', 'fewer released jobs with the hold code than this: leave to the user', wholeNumber, 3)
    .option('--year <n>', 'the year of legacy MM/DD dates, which carry none (default: the current year)', condorLogYear)
    .option('--every-hold', 'advise every hold of the log as it happened, not only the jobs still held', false)
    .option('--json', 'one JSON object per line', false)
    .action(async (file: string, flags: AdviseCondorFlags) => adviseCondor(file, flags));
}

async function adviseCondor(file: string, flags: AdviseCondorFlags): Promise<void> {
  let rejected = 0;
  let unattributed = 0;
  const read = async (log: string): Promise<CondorJob[]> => {
    const logJobs = await readCondorJobs(log, flags.year, ({ line, reason }) => {
      rejected++;
      console.error(`jobcast: ${log}:${line} skipped: ${reason}`);
    });
    unattributed += logJobs.unattributed.length;
    return logJobs.jobs;
  };
  const jobs = await read(file);
  const pastJobs: CondorJob[] = [];
  for (const log of flags.history) pastJobs.push(...(await read(log)));
  const known = [...jobs, ...pastJobs];
  const options: HoldAdvisorOptions = {
    maxMemoryMb: flags.maxMemoryMb,
    releaseThreshold: flags.threshold,
    minReleaseSamples: flags.minSamples,
  };
  const stored = flags.model === undefined ? null : await loadStoredHistory(flags.model);
  const withStored = (history: ReleaseHistory): ReleaseHistory => {
    if (stored !== null) history.merge(stored);
    return history;
  };
  const history = withStored(ReleaseHistory.learn(known));
  const advice = flags.everyHold
    ? jobs.flatMap((job) => job.holds.map((hold) => adviseHold(job, withStored(historyBefore(known, hold.time)), options, hold)))
    : jobsOnHold(jobs).map((job) => adviseHold(job, history, options));
  for (const item of advice) console.log(flags.json ? JSON.stringify({ type: 'advice', ...item }) : describeAdvice(item));
  const count = (action: HoldAdvice['action']) => advice.filter((item) => item.action === action).length;
  const summary = {
    type: 'summary',
    log: file,
    jobs: jobs.length,
    advised: advice.length,
    release: count('release'),
    remove: count('remove'),
    leave_to_user: count('leave-to-user'),
    history_samples: history.samples,
    rejected,
    unattributed,
  };
  if (flags.json) console.log(JSON.stringify(summary));
  else {
    const what = flags.everyHold ? 'holds' : 'jobs on hold';
    console.log(
      `advised ${summary.advised} ${what} of ${summary.jobs} jobs in ${file}: ${summary.release} release, ` +
        `${summary.remove} remove, ${summary.leave_to_user} leave to the user ` +
        `(history: ${summary.history_samples} released jobs that finished; rejected records: ${rejected}; ` +
        `records of no job: ${unattributed})`,
    );
  }
}

async function loadStoredHistory(run: string): Promise<ReleaseHistory> {
  try {
    return await condorHoldFamily.load(run);
  } catch (error) {
    throw new Error(`--model ${run}: no readable condor-hold release history (${(error as Error).message})`);
  }
}

/** Replaying a hold, the history is what had finished by then (plus a trained model's, which has no dates). */
function historyBefore(jobs: readonly CondorJob[], time: string): ReleaseHistory {
  return ReleaseHistory.learn(jobs.filter((job) => job.endedAt !== null && job.endedAt < time));
}

function describeAdvice({ jobId, action, reason, hold }: HoldAdvice): string {
  const code = hold.code === null ? 'no code' : `code ${hold.code}${hold.subcode === null ? '' : `/${hold.subcode}`}`;
  return `${jobId} held ${hold.time} (${code}): ${action} — ${reason}`;
}
