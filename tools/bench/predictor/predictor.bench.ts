/**
 * Predictor benchmark: trains bench models (or uses --models), starts the predictor as the Dockerfile does (compiled to JS,
 * its node flags; or --from-source) as its own process and prints
 *   - single predictions at a steady 1,000 req/s for 60 s, open loop (p50/p99/errors; target p99 ≤ 5 ms, no errors), the
 *     same load against a bare node:http server sending the same answer (the machine's floor), and autocannon's fixed
 *     rate beside them for comparison (per-second bursts of 16 connections); the last two reported, not judged,
 *   - maximum sustained throughput of GET /runtime and POST /v1/predict (autocannon) and of gRPC Predict (grpc-js),
 *   - batched predictions/s over HTTP and gRPC (10,000 per call, 2 calls in flight; target ≥ 50,000/s),
 *   - resident memory with all models loaded, after the runs and at peak (target ≤ 300 MB),
 * each with the predictor's own CPU seconds, and the load average, since the 2-core machine is shared.
 * Run: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/bench/predictor/predictor.bench.ts [--quick] [--rate-only]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { request } from 'undici';
import { freePort } from '@jobcast/testing';
import type { BatchFigures } from './batch-load';
import type { UnaryFigures } from './grpc-unary-load';
import { runInLoadWorker } from './load-job';
import { CALCLOUD_CSV, syntheticRuns, trainCalcloudRun, trainRuntimeRun } from './bench-models';
import { compiledEntry, compileWorkspace } from '../../build/compile-workspace';
import { deploymentCommand } from './deployment-command';
import { startFloorServer } from './floor-process';
import { hostStealSeconds } from './process-cpu';
import { httpLoad, type LoadFigures } from './http-load';
import type { SteadyRateFigures } from './steady-rate-load';
import { calcloudInput, grpcBatch, mixedBatch } from './payloads';
import { startPredictorProcess, type PredictorLaunch } from './predictor-process';
import { rerunWithoutMemoryReducer } from './without-memory-reducer';

const program = new Command('predictor-bench')
  .option('--models <dir>', 'serve this models folder (<dir>/<family>/<run>/run.json) instead of training bench models')
  .option('--jobs <n>', 'synthetic HySDS jobs: the runtime model is trained on them, the batch uses their job types', '20000')
  .option('--calcloud-csv <file>', 'calcloud training file for the bench calcloud model', CALCLOUD_CSV)
  .option('--rate <n>', 'request rate of the latency tests', '1000')
  .option('--rate-seconds <n>', 'length of each latency test (steady rate, its floor, then autocannon)', '60')
  .option('--warm-up-seconds <n>', 'unmeasured seconds at the same rate before each steady-rate test', '5')
  .option('--max-seconds <n>', 'length of each maximum-throughput test', '15')
  .option('--batch-seconds <n>', 'length of each batch test', '15')
  .option('--batch-size <n>', 'predictions per batch call', '10000')
  .option('--batch-in-flight <n>', 'batch calls in flight at once', '2')
  .option('--from-source', 'run the predictor through @swc-node/register (adds the TypeScript compiler, ~80 MB RSS) instead of as deployed')
  .option('--profile <dir>', 'write a V8 CPU profile of the predictor process into this folder (node --cpu-prof)')
  .option('--quick', 'short runs (10 s latency tests, 2 s warm-ups, 5 s others) for a smoke check')
  .option('--rate-only', 'only the latency tests (after the warm-up): repeats of the latency figure without the rest')
  .parse();

const perCpu = (count: number, cpuSeconds: number, what: string) => `[predictor CPU ${cpuSeconds.toFixed(1)} s: ${(count / cpuSeconds).toFixed(0)} ${what} per CPU-second]`;

const ms = (value: number) => `${value.toFixed(2)} ms`;

/** CPU time the hypervisor took from this VM during a test: a host stall, not the server's. */
const hostSteal = (seconds: number) => `[host steal ${seconds.toFixed(2)} s]`;

const formatSteadyRate = (name: string, figures: SteadyRateFigures) =>
  `${name.padEnd(34)} ${figures.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${ms(figures.p50Ms)}  p90 ${ms(figures.p90Ms)}  p99 ${ms(figures.p99Ms)}  p99.9 ${ms(figures.p999Ms)}  max ${figures.maxMs.toFixed(1)} ms  errors ${figures.errors}  non-2xx ${figures.non2xx}  (${figures.requests} requests)` +
  `  [p99 per 10 s: ${figures.windowP99Ms.map((p99) => p99.toFixed(1)).join(' / ')} ms]`;

const formatLoad = (name: string, figures: LoadFigures) =>
  `${name.padEnd(34)} ${figures.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${ms(figures.p50Ms)}  p99 ${ms(figures.p99Ms)}  max ${figures.maxMs.toFixed(1)} ms  errors ${figures.errors}  non-2xx ${figures.non2xx}  (${figures.requests} requests)`;

async function main(): Promise<void> {
  const options = program.opts();
  const quick = Boolean(options['quick']);
  const seconds = (name: string, quickValue: number) => (quick ? quickValue : Number(options[name]));
  const ownModels = options['models'] === undefined;
  const modelsDir = options['models'] ?? (await mkdtemp(join(tmpdir(), 'predictor-bench-models-')));

  const runs = syntheticRuns(Number(options['jobs']), 7);
  const completed = runs.filter((run) => run.status === 'job-completed');
  const jobTypes = [...new Set(completed.map((run) => run.jobType))];
  const instances = [...new Set(completed.flatMap((run) => (run.instanceType ? [run.instanceType] : [])))];
  if (ownModels) {
    const started = performance.now();
    await trainRuntimeRun(modelsDir, runs);
    await trainCalcloudRun(modelsDir, options['calcloudCsv']);
    console.log(`bench models trained (runtime on ${runs.length} synthetic job runs, calcloud on ${options['calcloudCsv']}) in ${((performance.now() - started) / 1000).toFixed(1)} s → ${modelsDir}`);
  }

  const compiledDir = await mkdtemp(join(tmpdir(), 'predictor-bench-build-'));
  const deployed = deploymentCommand();
  const launch: PredictorLaunch =
    options['fromSource'] || !deployed.compiled
      ? { kind: 'source' }
      : { kind: 'compiled', entry: compiledEntry(compiledDir, 'predictor'), ...compileWorkspace(compiledDir) };
  const profileArgs = options['profile'] === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options['profile']}`];
  const nodeFlags = [...deployed.nodeFlags, ...profileArgs];
  const predictor = await startPredictorProcess({ PREDICTOR_MODELS_DIR: modelsDir }, await freePort(), await freePort(), launch, nodeFlags);
  try {
    const loaded = predictor.memory();
    const loadAtStart = loadavg();
    const single = JSON.stringify(calcloudInput(3));
    const predictUrl = `${predictor.httpUrl}/v1/predict`;
    const runtimeUrl = `${predictor.httpUrl}/runtime?jobtype=${encodeURIComponent(jobTypes[0])}&instance=${encodeURIComponent(instances[0])}`;
    await httpLoad({ url: predictUrl, method: 'POST', body: single, seconds: 3, connections: 8 }); // warm-up (JIT, caches)

    const rate = Number(options['rate']);
    // The predictor's own CPU seconds per run: its cost per request, whatever else the machine is doing.
    const withCpu = async <Figures>(run: () => Promise<Figures>): Promise<Figures & { predictorCpuSeconds: number }> => {
      const before = predictor.cpuSeconds();
      const figures = await run();
      return { ...figures, predictorCpuSeconds: predictor.cpuSeconds() - before };
    };
    const rateSeconds = seconds('rateSeconds', 10);
    const steadyLoad = async (url: string) => {
      const stealBefore = hostStealSeconds();
      const figures = await runInLoadWorker<SteadyRateFigures>({ kind: 'http-steady-rate', url, method: 'POST', body: single, seconds: rateSeconds, warmUpSeconds: seconds('warmUpSeconds', 2), ratePerSecond: rate, connections: 16 });
      return { ...figures, hostStealSeconds: hostStealSeconds() - stealBefore };
    };
    // The judged figure: a steady arrival rate, from its own process so its timer shares no event loop with the bench.
    const steady = await withCpu(() => steadyLoad(predictUrl));
    // The same load against a server doing nothing but send the predictor's answer: what the machine allows right now.
    // `reset`: no idle connection left behind for the predictor to close in a later test (see waitUntilReady)
    const answer = await request(predictUrl, { method: 'POST', body: single, headers: { 'content-type': 'application/json' }, reset: true });
    const answerText = await answer.body.text();
    if (answer.statusCode !== 200) throw new Error(`POST /v1/predict answered ${answer.statusCode}: ${answerText}`);
    const floorServer = await startFloorServer(answerText, String(answer.headers['content-type'] ?? 'application/json'), deployed.nodeFlags);
    const floor = await (async () => {
      try {
        const before = floorServer.cpuSeconds();
        const figures = await steadyLoad(`${floorServer.url}/v1/predict`);
        return { ...figures, serverCpuSeconds: floorServer.cpuSeconds() - before };
      } finally {
        floorServer.stop();
      }
    })();
    const fixed = await withCpu(() => httpLoad({ url: predictUrl, method: 'POST', body: single, seconds: rateSeconds, connections: 16, ratePerSecond: rate }));
    const header = () =>
      `\npredictor benchmark, predictor ${launch.kind === 'compiled' ? 'compiled to JS' : 'from source'}, node ${nodeFlags.join(' ')} (2-core machine shared with other work: figures are lower bounds; load average ${loadAtStart.map((load) => load.toFixed(2)).join(' ')} at start, ${loadavg().map((load) => load.toFixed(2)).join(' ')} at end)`;
    const printRateLines = () => {
      console.log(
        formatSteadyRate(`POST /v1/predict @ ${rate}/s, steady`, steady),
        perCpu(steady.requests + steady.warmUpRequests, steady.predictorCpuSeconds, 'requests'),
        `[client CPU ${steady.clientCpuSeconds.toFixed(1)} s; its sends late by p99 ${ms(steady.sendLagP99Ms)}, max ${ms(steady.sendLagMaxMs)}]`,
        hostSteal(steady.hostStealSeconds),
        steady.p99Ms <= 5 && steady.errors + steady.non2xx === 0 ? 'PASS (p99 ≤ 5 ms, no errors)' : 'FAIL (target p99 ≤ 5 ms, no errors)',
      );
      console.log(
        formatSteadyRate(`  floor: node:http, the same answer`, floor),
        `[floor server CPU ${floor.serverCpuSeconds.toFixed(1)} s: ${((floor.requests + floor.warmUpRequests) / floor.serverCpuSeconds).toFixed(0)} requests per CPU-second]`,
        hostSteal(floor.hostStealSeconds),
        '(the machine at this rate, no prediction: reported, not judged)',
      );
      console.log(
        formatLoad(`  autocannon, per-second bursts of 16 connections`, fixed),
        perCpu(fixed.requests, fixed.predictorCpuSeconds, 'requests'),
        `[autocannon's own histogram, corrected with a 1 ms interval: p99 ${fixed.autocannonP99Ms} ms] (reported, not judged)`,
      );
    };
    if (options['rateOnly']) {
      console.log(header());
      printRateLines();
      console.log(JSON.stringify({ steadyRate: steady, floor, autocannonFixedRate: fixed, launch: launch.kind, nodeFlags, loadAverage: { start: loadAtStart, end: loadavg() } }));
      return;
    }
    const maxRuntime = await withCpu(() => httpLoad({ url: runtimeUrl, seconds: seconds('maxSeconds', 5), connections: 32 }));
    const maxPredict = await withCpu(() => httpLoad({ url: predictUrl, method: 'POST', body: single, seconds: seconds('maxSeconds', 5), connections: 32 }));
    const [grpcSingle] = grpcBatch([calcloudInput(3)]);
    // gRPC and batch clients run in their own process: decoding answers must not compete with the bench's event loop.
    const grpcUnary = await withCpu(() =>
      runInLoadWorker<UnaryFigures>({ kind: 'grpc-unary', target: predictor.grpcTarget, request: grpcSingle, seconds: seconds('maxSeconds', 5), concurrency: 32 }),
    );
    const beforeBatches = predictor.memory();
    // the memory bar is judged during the batch runs: their peak is read on its own
    predictor.resetPeakMemory();
    const batch = mixedBatch(Number(options['batchSize']), jobTypes, instances);
    const inFlight = Number(options['batchInFlight']);
    const batchSeconds = seconds('batchSeconds', 5);
    const httpBatch = await withCpu(() => runInLoadWorker<BatchFigures>({ kind: 'http-batch', target: predictor.httpUrl, items: batch, seconds: batchSeconds, inFlight }));
    const grpcBatchFigures = await withCpu(() =>
      runInLoadWorker<BatchFigures>({ kind: 'grpc-batch', target: predictor.grpcTarget, items: grpcBatch(batch), seconds: batchSeconds, inFlight }),
    );
    const after = predictor.memory();
    const batchPeakMb = after.peakRssMb;

    console.log(header());
    printRateLines();
    console.log(formatLoad('GET /runtime, max', maxRuntime), perCpu(maxRuntime.requests, maxRuntime.predictorCpuSeconds, 'requests'));
    console.log(formatLoad('POST /v1/predict, max', maxPredict), perCpu(maxPredict.requests, maxPredict.predictorCpuSeconds, 'requests'));
    console.log(
      `${'gRPC Predict, max (32 in flight)'.padEnd(34)} ${grpcUnary.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${grpcUnary.p50Ms.toFixed(2)} ms  p99 ${grpcUnary.p99Ms.toFixed(2)} ms  errors ${grpcUnary.errors}  (${grpcUnary.requests} requests)`,
      perCpu(grpcUnary.requests, grpcUnary.predictorCpuSeconds, 'requests'),
    );
    for (const [name, figures] of [['HTTP /v1/predict/batch', httpBatch], ['gRPC PredictBatch', grpcBatchFigures]] as const) {
      console.log(
        `${name.padEnd(34)} ${figures.predictionsPerSecond.toFixed(0).padStart(7)} predictions/s (${figures.batches} batches of ${figures.batchSize}, ${figures.inFlight} in flight, ${figures.meanBatchMs.toFixed(0)} ms each)`,
        perCpu(figures.batches * figures.batchSize, figures.predictorCpuSeconds, 'predictions'),
        `[client CPU ${figures.clientCpuSeconds.toFixed(1)} s]`,
        figures.predictionsPerSecond >= 50_000 ? 'PASS (≥ 50,000/s)' : 'FAIL (target ≥ 50,000/s)',
      );
    }
    console.log(
      `RSS with all models loaded: ${loaded.rssMb.toFixed(0)} MB at start, peak ${beforeBatches.peakRssMb.toFixed(0)} MB over the single-request runs, ${after.rssMb.toFixed(0)} MB after the runs, peak ${batchPeakMb.toFixed(0)} MB during the batch runs (2 batches in flight)`,
      batchPeakMb <= 300 ? 'PASS (≤ 300 MB)' : 'FAIL (target ≤ 300 MB)',
    );
    console.log(JSON.stringify({ steadyRate: steady, floor, autocannonFixedRate: fixed, maxRuntime, maxPredict, grpcUnary, httpBatch, grpcBatch: grpcBatchFigures, memory: { loaded, beforeBatches, after, batchPeakMb }, launch: launch.kind, nodeFlags, loadAverage: { start: loadAtStart, end: loadavg() } }));
  } finally {
    await predictor.stop();
    await rm(compiledDir, { recursive: true, force: true });
    if (ownModels) await rm(modelsDir, { recursive: true, force: true });
  }
}

const rerunStatus = rerunWithoutMemoryReducer();
if (rerunStatus !== undefined) process.exit(rerunStatus);
main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
