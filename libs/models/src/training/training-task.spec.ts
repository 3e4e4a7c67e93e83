import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobRun } from '@jobcast/contracts';
import { checksumTree } from './checksums';
import { runtimeFamily } from './families/runtime.family';
import { parseMetricLines } from './metric-line';
import { RunRecord } from './run-record';
import { SplitConfig } from './splitter';
import { TrainingDataError } from './training-data-error';
import { EarlyStoppingConfig } from './early-stopping';
import type { ModelFamily } from './model-family';
import { GATE_ROWS_FILE, runTrainingTask, type TrainingTaskInput } from './training-task';

function history(count: number): JobRun[] {
  const types = [60, 900, 7200];
  return Array.from({ length: count }, (_, index) => {
    const ended = new Date(Date.UTC(2026, 0, 1) + index * 3_600_000).toISOString();
    return {
      payloadId: `p${index}`,
      source: 'hysds',
      jobId: null,
      jobType: `type-${index % 3}`,
      queue: null,
      instanceType: 'c5.xlarge',
      status: 'job-completed',
      exitCode: 0,
      queuedAt: null,
      startedAt: null,
      endedAt: ended,
      updatedAt: ended,
      queueWaitSeconds: null,
      durationSeconds: types[index % 3] * (1 + 0.1 * Math.sin(index)),
      commandDurationSeconds: null,
      inputCount: null,
      inputBytes: null,
      outputBytes: null,
      peakMemoryBytes: null,
      cpuCount: null,
      tags: [],
      features: {},
    };
  });
}

describe('runTrainingTask', () => {
  let dir: string;
  const lines: string[] = [];
  const input = (overrides: Partial<TrainingTaskInput> = {}): TrainingTaskInput => ({
    family: runtimeFamily,
    rows: history(100),
    runName: 'r1',
    params: {},
    split: SplitConfig.parse({ kind: 'holdout', testFraction: 0.2 }),
    earlyStopping: null,
    dataWindow: { from: null, to: '2026-02-01T00:00:00.000Z' },
    codeVersion: 'test',
    outDir: join(dir, 'run'),
    log: (line) => lines.push(line),
    ...overrides,
  });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jobcast-task-'));
    lines.length = 0;
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes the artifacts, the gate rows and run.json with the checksum of every artifact', async () => {
    const { record, gate } = await runTrainingTask(input());
    const written = RunRecord.parse(JSON.parse(await readFile(join(dir, 'run', 'run.json'), 'utf8')));
    expect(written).toEqual(record);
    expect(record.rowCounts).toEqual({ total: 100, train: 80, test: 20 });
    expect(record.checksums).toEqual(await checksumTree(join(dir, 'run'), ['run.json', 'run.log']));
    expect(Object.keys(record.checksums)).toEqual([GATE_ROWS_FILE, 'models/prices.json', 'models/runtime_model.json']);
    // time-ordered holdout: the gate scores the newest 20 rows
    expect(JSON.parse(await readFile(join(dir, 'run', GATE_ROWS_FILE), 'utf8'))).toEqual(history(100).slice(80).map((row) => row.payloadId));
    expect(record.primaryMetric).toMatchObject({ name: 'runtime_mae', direction: 'minimize', value: record.metrics.runtime_mae_test });
    expect(parseMetricLines(lines.join('\n'))).toMatchObject({ runtime_mae_test: record.metrics.runtime_mae_test });
    expect(gate).toEqual({ metric: 'runtime_mae', rows: 20, candidate: record.metrics.runtime_mae_test, champion: null, championError: null });
  });

  it('scores the champion on the same rows for the gate', async () => {
    await runTrainingTask(input({ outDir: join(dir, 'champion'), params: { shrinkage: 1_000_000, neighbours: 0 } }));
    const { gate } = await runTrainingTask(input({ championDir: join(dir, 'champion') }));
    expect(gate.champion).toBeGreaterThan(gate.candidate);
  });

  it('reports a champion it cannot load instead of failing the run', async () => {
    await runTrainingTask(input({ outDir: join(dir, 'champion') }));
    await writeFile(join(dir, 'champion', 'models', 'runtime_model.json'), 'not json');
    const { gate } = await runTrainingTask(input({ championDir: join(dir, 'champion') }));
    expect(gate.champion).toBeNull();
    expect(gate.championError).toMatch(/JSON/);
  });

  it('fails a too-small window with a reason naming the counts', async () => {
    const attempt = runTrainingTask(input({ rows: history(5) }));
    await expect(attempt).rejects.toBeInstanceOf(TrainingDataError);
    await expect(attempt).rejects.toThrow('has 5 usable rows of 5; at least 20 are needed');
  });

  it('refuses parameters the family does not have', async () => {
    await expect(runTrainingTask(input({ params: { learning_rate: 1 } }))).rejects.toThrow('runtime family has no parameter "learning_rate"');
  });

  it('stops a network early for a family that acts on the answer, and records the rule in run.json', async () => {
    const epochsRun: number[] = [];
    // validation loss bottoms out at epoch 5, then rises: patience 3 stops it at epoch 8
    const epochFamily: ModelFamily<number> = {
      name: 'epochs',
      kind: 'test-network',
      minRows: 20,
      primaryMetric: { name: 'runtime_mae', direction: 'minimize' },
      defaultParams: {},
      stopsOnRequest: true,
      usable: () => true,
      async fit(_train, _validation, _params, hooks) {
        for (let epoch = 1; epoch <= 100; epoch++) {
          epochsRun.push(epoch);
          if (hooks.onEpoch({ model: 'net', epoch, totalEpochs: 100, loss: 1 / epoch, valLoss: Math.abs(epoch - 5) })) break;
        }
        return epochsRun.length;
      },
      save: async (model, outDir) => writeFile(join(outDir, 'epochs.json'), JSON.stringify(model)),
      load: async (outDir) => JSON.parse(await readFile(join(outDir, 'epochs.json'), 'utf8')) as number,
      evaluate: async () => ({ runtime_mae: 1 }),
    };
    const { record } = await runTrainingTask(input({ family: epochFamily, earlyStopping: EarlyStoppingConfig.parse({ patience: 3 }) }));
    expect(epochsRun.at(-1)).toBe(8);
    expect(lines).toContain('early stop net at epoch 8');
    expect(record.config.earlyStopping).toEqual({ rule: 'val-loss', patience: 3, minDelta: 0 });
  });

  it('records no trainer early stopping for a family that stops on its own', async () => {
    const { record } = await runTrainingTask(input({ earlyStopping: EarlyStoppingConfig.parse({ patience: 3 }) }));
    expect(record.config.earlyStopping).toBeNull();
  });
});
