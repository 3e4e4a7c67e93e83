import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobRun } from '@jobcast/contracts';
import { assembleCondorJobs, type CondorJob, condorJobToJobRun, parseCondorLog } from '@jobcast/features';
import { ReleaseHistory } from '../../condor';
import { SplitConfig } from '../splitter';
import { TrainingDataError } from '../training-data-error';
import { runTrainingTask } from '../training-task';
import { CONDOR_HOLD_HISTORY_FILE, condorHoldFamily } from './condor-hold.family';

type Ending = 'normal' | 'abnormal' | 'removed' | 'still-running';

const ENDINGS: Record<Exclude<Ending, 'still-running'>, string[]> = {
  normal: ['005 ({id}) {date} 10:09:00 Job terminated.', '\t(1) Normal termination (return value 0)', '...'],
  abnormal: ['005 ({id}) {date} 10:09:00 Job terminated.', '\t(0) Abnormal termination (signal 9)', '...'],
  removed: ['009 ({id}) {date} 10:09:00 Job was aborted by the user.', '...'],
};

/** One job's records: submitted and started, optionally held with `code` (null = no Code line) and released, then its ending. */
function jobLog(cluster: number, hold: { code: number | null; released: boolean } | null, ending: Ending): string[] {
  const id = `${cluster}.0.0`;
  const date = new Date(Date.UTC(2024, 0, 1) + cluster * 86_400_000).toISOString().slice(0, 10);
  const lines = [`000 (${id}) ${date} 10:00:00 Job submitted from host: <10.0.0.1:9618>`, '...', `001 (${id}) ${date} 10:01:00 Job executing on host: <10.0.0.2:9618>`, '...'];
  if (hold) {
    lines.push(`012 (${id}) ${date} 10:02:00 Job was held.`, '\tTransfer output files failure', ...(hold.code === null ? [] : [`\tCode ${hold.code} Subcode 0`]), '...');
    if (hold.released) lines.push(`013 (${id}) ${date} 10:03:00 Job was released.`, '...');
  }
  const ended = ending === 'still-running' ? [] : ENDINGS[ending];
  return [...lines, ...ended.map((line) => line.replace('{id}', id).replace('{date}', date))];
}

/** Released jobs: `[code, ending]` per job, clusters numbered from `first`. */
const released = (first: number, jobs: Array<[number | null, Ending]>) =>
  jobs.map(([code, ending], index) => jobLog(first + index, { code, released: true }, ending));

/** Parses the log through the real reader and assembler; the runs are what `jobcast import condor` stores. */
function readLog(logs: string[][]): { jobs: CondorJob[]; runs: JobRun[] } {
  const { events, rejected } = parseCondorLog(logs.flat().join('\n'));
  expect(rejected).toEqual([]);
  const { jobs } = assembleCondorJobs(events);
  return { jobs, runs: jobs.map(condorJobToJobRun) };
}

const repeat = <T>(count: number, item: T): T[] => Array.from({ length: count }, () => item);

/** code 13: 6 of 8 ended well (estimate 0.7); code 12: 1 of 6 (0.25); no code: 1 of 1 (2/3); and four runs that teach nothing. */
const TRAINING_LOG = [
  ...released(1, [...repeat(6, [13, 'normal'] as [number, Ending]), [13, 'removed'], [13, 'abnormal']]),
  ...released(9, [[12, 'normal'], ...repeat(3, [12, 'removed'] as [number, Ending]), [12, 'abnormal'], [12, 'abnormal']]),
  ...released(15, [[null, 'normal']]),
  ...released(16, [[13, 'still-running']]),
  jobLog(17, { code: 13, released: false }, 'removed'),
  jobLog(18, null, 'normal'),
  jobLog(19, null, 'still-running'),
];

const TEST_LOG = released(40, [
  [13, 'normal'],
  [13, 'normal'],
  [13, 'removed'],
  [12, 'removed'],
  [12, 'normal'],
  [46, 'normal'],
]);

describe('condor-hold family', () => {
  const training = readLog(TRAINING_LOG);
  const test = readLog(TEST_LOG);
  const usable = training.runs.filter((run) => condorHoldFamily.usable(run));
  const fit = () => condorHoldFamily.fit(usable, [], {}, { onEpoch: () => false });

  it('learns from condor runs that were released from a hold and then finished, and nothing else', () => {
    expect(training.runs).toHaveLength(19);
    expect(usable.map((run) => run.jobId)).toEqual(Array.from({ length: 15 }, (_, index) => `${index + 1}.0`));
  });

  it('counts per hold code from the stored runs what the advisor counts from the log itself', async () => {
    const history = await fit();
    expect(history.toCounts()).toEqual({ '13': { samples: 8, succeeded: 6 }, '12': { samples: 6, succeeded: 1 }, unknown: { samples: 1, succeeded: 1 } });
    expect(history.toCounts()).toEqual(ReleaseHistory.learn(training.jobs).toCounts());
  });

  it('scores the per-code estimate against the outcome: Brier, log-loss, decision accuracy at 0.5 and counts', async () => {
    // estimates 0.7 (code 13), 0.25 (code 12) and the prior 0.5 for code 46, which training never saw
    const outcomes: Array<[number, 0 | 1]> = [[0.7, 1], [0.7, 1], [0.7, 0], [0.25, 0], [0.25, 1], [0.5, 1]];
    const brier = outcomes.reduce((sum, [p, y]) => sum + (p - y) ** 2, 0) / outcomes.length;
    const logLoss = -outcomes.reduce((sum, [p, y]) => sum + Math.log(y === 1 ? p : 1 - p), 0) / outcomes.length;
    const metrics = await condorHoldFamily.evaluate(await fit(), test.runs);
    expect(brier).toBeCloseTo(0.2575, 10);
    expect(metrics.brier).toBeCloseTo(brier, 10);
    expect(metrics.log_loss).toBeCloseTo(logLoss, 10);
    // right: the two code-13 successes, the code-12 removal; wrong: the code-13 removal, the code-12 success, code 46 (0.5 is not above 0.5)
    expect(metrics).toMatchObject({ accuracy: 0.5, scored_rows: 6, history_samples: 15 });
  });

  it('scores nothing on runs without a label', async () => {
    expect(await condorHoldFamily.evaluate(await fit(), training.runs.slice(15))).toEqual({});
  });

  describe('artifacts and the trainer', () => {
    let dir: string;
    beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'jobcast-condor-hold-'))));
    afterEach(() => rm(dir, { recursive: true, force: true }));

    it('saves and loads the history as it was counted', async () => {
      const history = await fit();
      await condorHoldFamily.save(history, dir);
      expect((await condorHoldFamily.load(dir)).toCounts()).toEqual(history.toCounts());
    });

    it('refuses a damaged history file, naming the hold code', async () => {
      await condorHoldFamily.save(ReleaseHistory.fromCounts({}), dir);
      await writeFile(join(dir, CONDOR_HOLD_HISTORY_FILE), JSON.stringify({ '13': { samples: 2, succeeded: 3 } }));
      await expect(condorHoldFamily.load(dir)).rejects.toThrow('release counts of hold code 13 are not 0 ≤ succeeded ≤ samples');
    });

    const trainOn = (rows: JobRun[]) =>
      runTrainingTask({
        family: condorHoldFamily,
        rows,
        runName: 'r1',
        params: {},
        split: SplitConfig.parse({ kind: 'holdout', testFraction: 0.2 }),
        earlyStopping: null,
        dataWindow: { from: null, to: null },
        codeVersion: 'test',
        outDir: join(dir, 'run'),
        log: () => undefined,
      });

    it('trains through the trainer’s task: Brier on the newest runs, the history as its artifact', async () => {
      // 21 labelled runs; the newest 4 (code 13 removed, code 12 removed and normal, code 46 normal) are held out
      const { runs } = readLog([...TRAINING_LOG, ...TEST_LOG]);
      const { record, gate } = await trainOn(runs);
      expect(record.rowCounts).toEqual({ total: 21, train: 17, test: 4 });
      expect(Object.keys(record.checksums)).toContain(CONDOR_HOLD_HISTORY_FILE);
      // code 13 now 8 of 10 (0.75), code 12 1 of 6 (0.25), code 46 unseen (0.5)
      expect(record.metrics.brier_test).toBeCloseTo((0.75 ** 2 + 0.25 ** 2 + 0.75 ** 2 + 0.5 ** 2) / 4, 10);
      expect(record.primaryMetric).toMatchObject({ name: 'brier', direction: 'minimize', value: record.metrics.brier_test });
      expect(gate).toMatchObject({ metric: 'brier', rows: 4, candidate: record.metrics.brier_test });
      expect((await condorHoldFamily.load(join(dir, 'run'))).samples).toBe(17);
    });

    it('fails a run on too few labelled runs, saying how many it has and needs', async () => {
      const run = trainOn(training.runs);
      await expect(run).rejects.toThrow(TrainingDataError);
      await expect(run).rejects.toThrow('the condor-hold window (start) .. (now) has 15 usable rows of 19; at least 20 are needed');
    });
  });
});
