import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobRun } from '@jobcast/contracts';
import type { ParamSet } from './autoname';
import { checksumTree } from './checksums';
import { EarlyStopping, type EarlyStoppingConfig } from './early-stopping';
import { formatMetricLine } from './metric-line';
import { MetricPool } from './metric-pool';
import type { EpochProgress, ModelFamily } from './model-family';
import { RUN_LOG_FILE, RUN_RECORD_FILE, RunRecord } from './run-record';
import { pick, splitRows, type SplitConfig } from './splitter';
import { TrainingDataError } from './training-data-error';

/** Payload ids of the rows the gate scores champion and candidate on. */
export const GATE_ROWS_FILE = 'gate_rows.json';

export interface TrainingTaskInput {
  family: ModelFamily;
  rows: JobRun[];
  runName: string;
  /** merged over the family's defaults */
  params: ParamSet;
  split: SplitConfig;
  earlyStopping: EarlyStoppingConfig | null;
  dataWindow: { from: string | null; to: string | null };
  codeVersion: string;
  /** local folder receiving the artifacts, run.json last */
  outDir: string;
  /** local folder of the current champion: scored on the same rows as the candidate for the promotion gate */
  championDir?: string;
  log(line: string): void;
  onProgress?(progress: EpochProgress): void;
}

/** The primary metric of champion and candidate on the same rows (the last fold's test set). */
export interface GateEvaluation {
  metric: string;
  rows: number;
  candidate: number;
  champion: number | null;
  /** why the champion could not be scored, when it could not */
  championError: string | null;
}

export interface TrainingTaskResult {
  record: RunRecord;
  gate: GateEvaluation;
}

/** Share of each training fold held back to drive early stopping. */
const VALIDATION_FRACTION = 0.1;

/** The time a job run is ordered by in time-ordered splits. */
export function jobRunTime(row: JobRun): number {
  return Date.parse(row.endedAt ?? row.updatedAt);
}

/**
 * Runs one training task: usable rows → splitter → family fit (with early stopping) → evaluation per stage →
 * metric pool; writes the family's artifacts, the gate rows and finally `run.json` with checksums of everything.
 */
export async function runTrainingTask(input: TrainingTaskInput): Promise<TrainingTaskResult> {
  const { family, log } = input;
  const startedAt = new Date();
  const usable = input.rows.filter((row) => family.usable(row));
  if (usable.length < family.minRows) {
    throw new TrainingDataError(
      `the ${family.name} window ${input.dataWindow.from ?? '(start)'} .. ${input.dataWindow.to ?? '(now)'} has ` +
        `${usable.length} usable rows of ${input.rows.length}; at least ${family.minRows} are needed`,
    );
  }
  const folds = splitRows(input.split, usable.map(jobRunTime));
  // only a family that acts on the stop answer gets the trainer's rule; run.json records what really applied
  const earlyStopping = family.stopsOnRequest ? input.earlyStopping : null;
  const pool = new MetricPool();
  let fitSeconds = 0;
  let evaluateSeconds = 0;
  let lastModel: unknown;
  let lastTest: JobRun[] = [];
  let lastTestMetrics: Record<string, number> = {};
  let trainCount = 0;

  for (const [index, fold] of folds.entries()) {
    log(`fold ${index + 1}/${folds.length}: ${fold.train.length} train rows, ${fold.test.length} test rows`);
    const train = pick(usable, fold.train);
    const test = pick(usable, fold.test);
    const validationSize = Math.max(1, Math.round(train.length * VALIDATION_FRACTION));
    const fitRows = train.slice(0, train.length - validationSize);
    const validation = train.slice(train.length - validationSize);
    const stoppers = new Map<string, EarlyStopping>();

    const fitStart = performance.now();
    const model = await family.fit(fitRows, validation, input.params, {
      onEpoch(progress) {
        input.onProgress?.(progress);
        log(`epoch ${progress.model} ${progress.epoch}/${progress.totalEpochs} loss=${progress.loss} val_loss=${progress.valLoss ?? ''}`);
        if (!earlyStopping || progress.valLoss === undefined) return false;
        const stopper = stoppers.get(progress.model) ?? new EarlyStopping(earlyStopping);
        stoppers.set(progress.model, stopper);
        const stop = stopper.observe(progress.epoch, progress.loss, progress.valLoss);
        if (stop) log(`early stop ${progress.model} at epoch ${progress.epoch}`);
        return stop;
      },
    });
    fitSeconds += (performance.now() - fitStart) / 1000;

    const evaluateStart = performance.now();
    pool.record('train', await family.evaluate(model, train));
    lastTestMetrics = await family.evaluate(model, test);
    pool.record('test', lastTestMetrics);
    evaluateSeconds += (performance.now() - evaluateStart) / 1000;

    if (lastModel !== undefined) family.dispose?.(lastModel);
    lastModel = model;
    lastTest = test;
    trainCount = train.length;
  }

  await mkdir(input.outDir, { recursive: true });
  await family.save(lastModel, input.outDir);
  await writeFile(join(input.outDir, GATE_ROWS_FILE), JSON.stringify(lastTest.map((row) => row.payloadId)));
  const gate = await scoreChampion(input, lastTest, lastTestMetrics[family.primaryMetric.name]);
  family.dispose?.(lastModel);

  const metrics = pool.summary();
  for (const line of pool.lines()) log(line);
  const primaryName = `${family.primaryMetric.name}_test`;
  const record: RunRecord = {
    runName: input.runName,
    family: family.name,
    kind: family.kind,
    config: { params: input.params, split: input.split, earlyStopping },
    dataWindow: input.dataWindow,
    rowCounts: { total: usable.length, train: trainCount, test: lastTest.length },
    codeVersion: input.codeVersion,
    timings: { startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), fitSeconds, evaluateSeconds },
    primaryMetric: { ...family.primaryMetric, value: metrics[primaryName] },
    metrics,
    checksums: await checksumTree(input.outDir, [RUN_RECORD_FILE, RUN_LOG_FILE]),
  };
  RunRecord.parse(record);
  await writeFile(join(input.outDir, RUN_RECORD_FILE), JSON.stringify(record, null, 2));
  return { record, gate };
}

async function scoreChampion(input: TrainingTaskInput, rows: JobRun[], candidate: number): Promise<GateEvaluation> {
  const metric = input.family.primaryMetric.name;
  const base = { metric, rows: rows.length, candidate, champion: null, championError: null };
  if (!input.championDir) return base;
  try {
    const champion = await input.family.load(input.championDir);
    const scores = await input.family.evaluate(champion, rows);
    input.family.dispose?.(champion);
    input.log(formatMetricLine(`champion_${metric}_gate`, scores[metric]));
    input.log(formatMetricLine(`${metric}_gate`, candidate));
    return { ...base, champion: scores[metric] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    input.log(`champion could not be scored: ${reason}`);
    return { ...base, championError: reason };
  }
}
