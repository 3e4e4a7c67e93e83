/**
 * Estimator benchmark on an SWF trace (all single-threaded): fit time, estimate() calls per second (pair lookup, unseen type through
 * the neighbour search, SOAMC), QBETS bound calls per second, model JSON size and load time, backtest wall time.
 *
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/bench/estimators/estimators.bench.ts \
 *     [trace.swf] [--copies N]
 *
 * `--copies N` (default 50) repeats the trace N times, shifted in time, to measure fitting at scale.
 */
import { readFileSync } from 'node:fs';
import type { JobRun } from '@jobcast/contracts';
import { parseSwf, swfJobToJobRun } from '@jobcast/features';
import {
  ANY,
  QueueTimeEstimator,
  RuntimeModel,
  SoamcRuntimeEstimator,
  fitRuntimeModel,
  processorClass,
  replayBacktest,
  runtimeQueryFromJobRun,
  type RuntimeQuery,
} from '@jobcast/models';

const DEFAULT_TRACE = '/work/shared/data/swf/hpc2n-3171.swf';

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

function timed<T>(work: () => T): { value: T; seconds: number } {
  const start = process.hrtime.bigint();
  const value = work();
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/**
 * Calls per second of `call` over `queries`: the best of repeated rounds over one second after a warm-up.
 * The machine is shared, so the best round measures the code rather than the scheduler.
 */
function callsPerSecond<Q>(queries: readonly Q[], call: (query: Q) => unknown): number {
  for (const query of queries.slice(0, 1000)) call(query);
  let best = 0;
  const start = process.hrtime.bigint();
  while (Number(process.hrtime.bigint() - start) / 1e9 < 1) {
    const round = process.hrtime.bigint();
    for (const query of queries) call(query);
    best = Math.max(best, queries.length / (Number(process.hrtime.bigint() - round) / 1e9));
  }
  return best;
}

function shifted(runs: readonly JobRun[], copies: number): JobRun[] {
  const span = 1e3 * 86_400 * 365;
  const shift = (iso: string | null, copy: number) => (iso === null ? null : new Date(Date.parse(iso) + copy * span).toISOString());
  const all: JobRun[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const run of runs) {
      all.push({
        ...run,
        payloadId: `${run.payloadId}:${copy}`,
        queuedAt: shift(run.queuedAt, copy),
        startedAt: shift(run.startedAt, copy),
        endedAt: shift(run.endedAt, copy),
        updatedAt: shift(run.updatedAt, copy) as string,
      });
    }
  }
  return all;
}

const file = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : DEFAULT_TRACE;
const copies = Number(argument('--copies', '50'));
const trace = parseSwf(readFileSync(file, 'utf8'));
const runs = trace.jobs.map((job) => swfJobToJobRun(job, trace.header));
const figures: Record<string, number | string> = { trace: file, jobs: runs.length };

const fit = timed(() => fitRuntimeModel(runs));
figures['fit_seconds'] = fit.seconds;

const model = fit.value;
const pairQueries: RuntimeQuery[] = runs.map((run) => ({ jobType: run.jobType, instanceType: run.instanceType }));
figures['estimate_per_s_pair'] = callsPerSecond(pairQueries, (query) => model.estimate(query));
const withFeatures = runs.map(runtimeQueryFromJobRun);
figures['estimate_per_s_with_features'] = callsPerSecond(withFeatures, (query) => model.estimate(query));
const unseen = withFeatures.map((query) => ({ ...query, jobType: `${query.jobType}:unseen` }));
figures['estimate_per_s_unseen_type_neighbours'] = callsPerSecond(unseen, (query) => model.estimate(query));

const soamc = SoamcRuntimeEstimator.fit(runs);
const types = [...new Set(runs.map((run) => run.jobType))];
figures['soamc_estimate_per_s_cold'] = callsPerSecond(types, (jobType) => {
  soamc.observe(runs[0]);
  return soamc.estimate(jobType, ANY);
});
figures['soamc_estimate_per_s_cached'] = callsPerSecond(types, (jobType) => soamc.estimate(jobType, ANY));

const queue = new QueueTimeEstimator();
for (const run of runs) if (run.queueWaitSeconds !== null) queue.observe(processorClass(run), run.queueWaitSeconds);
figures['queue_bound_per_s'] = callsPerSecond(runs, (run) => queue.bound(processorClass(run)));

figures['backtest_seconds'] = timed(() =>
  replayBacktest(runs, {
    soamcNodes: trace.header.maxProcs ?? 1,
    soamcWeightOf: (run) => run.cpuCount ?? 1,
    queueGroupOf: processorClass,
  }),
).seconds;

// At scale last: the large heap it leaves behind would slow the per-call figures above.
const many = shifted(runs, copies);
const fitMany = timed(() => fitRuntimeModel(many));
figures[`fit_seconds_${many.length}_runs`] = fitMany.seconds;
figures[`soamc_fit_seconds_${many.length}_runs`] = timed(() => SoamcRuntimeEstimator.fit(many)).seconds;
const json = JSON.stringify(fitMany.value);
figures['model_json_bytes'] = json.length;
figures['model_load_seconds'] = timed(() => RuntimeModel.fromJSON(JSON.parse(json))).seconds;

for (const [name, value] of Object.entries(figures)) {
  console.log(`${name.padEnd(40)} ${typeof value === 'number' ? (Number.isInteger(value) ? value : value.toPrecision(4)) : value}`);
}
