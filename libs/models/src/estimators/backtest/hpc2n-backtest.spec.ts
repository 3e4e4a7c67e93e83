import { existsSync, readFileSync } from 'node:fs';
import { parseSwf, swfJobToJobRun, type SwfTrace } from '@jobcast/features';
import { processorClass } from './processor-class';
import { replayBacktest, type BacktestRow } from './backtest-replay';
import { summariseBacktest, type BacktestSummary } from './backtest-summary';

const TRACE = '/work/shared/data/swf/hpc2n-3171.swf';
const present = existsSync(TRACE);
const describeIfPresent = present ? describe : describe.skip;
if (!present) console.warn(`hpc2n backtest skipped: ${TRACE} is absent (the shared real-data folder is not mounted)`);

describeIfPresent('backtest on the real HPC2N trace (hpc2n-3171.swf)', () => {
  // Read in beforeAll: a skipped describe still runs its body, and the file may be absent.
  let trace: SwfTrace;
  let rows: BacktestRow[];
  let summary: BacktestSummary;
  beforeAll(() => {
    trace = parseSwf(readFileSync(TRACE, 'utf8'));
    rows = replayBacktest(
      trace.jobs.map((job) => swfJobToJobRun(job, trace.header)),
      { soamcNodes: trace.header.maxProcs as number, soamcWeightOf: (run) => run.cpuCount ?? 1, queueGroupOf: processorClass },
    );
    summary = summariseBacktest(rows, 0.95, 0.95);
  });

  it('reads every job of the trace', () => {
    expect(trace.rejected).toEqual([]);
    expect(rows).toHaveLength(3170);
  });

  it('scores all estimators on the same jobs', () => {
    expect(summary.jobcast.runtime_jobs).toBe(summary.soamc.runtime_jobs);
    expect(summary.requested.runtime_jobs).toBe(summary.soamc.runtime_jobs);
    expect(summary.soamc.runtime_jobs).toBeGreaterThan(2500);
  });

  it('has a lower runtime error than both SOAMC and the requested time (MAE and MdAPE)', () => {
    for (const baseline of [summary.soamc, summary.requested]) {
      expect(summary.jobcast.runtime_mae_s).toBeLessThan(baseline.runtime_mae_s as number);
      expect(summary.jobcast.runtime_mdape).toBeLessThan(baseline.runtime_mdape as number);
    }
  });

  it('bounds the 95th-percentile wait for at least 95 % of the jobs it answers, answering nearly all', () => {
    expect(summary.jobcast.queue_level).toBe(0.95);
    expect(summary.jobcast.queue_coverage).toBeGreaterThanOrEqual(0.95);
    expect(summary.jobcast.queue_jobs).toBeGreaterThan(0.95 * 3170);
  });
});
