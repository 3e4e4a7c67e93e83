import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobRun } from '@jobcast/contracts';
import {
  RUN_RECORD_FILE,
  checksumTree,
  encodeCalcloudKeywords,
  fitRuntimeModel,
  memoryBinOf,
  runtimeFamily,
  saveCalcloudBundle,
  trainCalcloud,
  type CalcloudRow,
  type RunRecord,
} from '@jobcast/models';

/** Finished runs of a few job types on a few instances, with spread, oldest first. */
export function finishedRuns(count: number, scale = 1): JobRun[] {
  const types = ['job-hello_world:develop', 'job-SCIFLO_GCOV:release-2.0', 'job-ipf-scraper-asf:develop'];
  const instances = ['c5.9xlarge', 'm5.xlarge'];
  return Array.from({ length: count }, (_, i) => {
    const jobType = types[i % types.length];
    const instanceType = instances[Math.floor(i / types.length) % instances.length];
    const seconds = scale * (100 * (1 + types.indexOf(jobType)) * (instanceType === 'm5.xlarge' ? 2 : 1) + (i % 7) * 3);
    const end = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
    return {
      payloadId: `run-${i}`, source: 'hysds', jobId: null, jobType, queue: 'factotum-job_worker-small', instanceType, status: 'job-completed',
      exitCode: 0, queuedAt: end, startedAt: end, endedAt: end, updatedAt: end, queueWaitSeconds: 1, durationSeconds: seconds,
      commandDurationSeconds: seconds, inputCount: 1, inputBytes: 1000, outputBytes: 1000, peakMemoryBytes: null, cpuCount: 4, tags: [], features: {},
    };
  });
}

/** Stores a fitted runtime model as the trainer would: `<store>/runtime/<run>/` with a run.json holding checksums. */
export async function storeRuntimeRun(storeRoot: string, runName: string, runs: JobRun[], finishedAt = new Date().toISOString()): Promise<string> {
  const dir = join(storeRoot, 'runtime', runName);
  await mkdir(dir, { recursive: true });
  await runtimeFamily.save(fitRuntimeModel(runs), dir);
  const record: RunRecord = {
    runName,
    family: 'runtime',
    kind: runtimeFamily.kind,
    config: { params: {}, split: {}, earlyStopping: null },
    dataWindow: { from: null, to: null },
    rowCounts: { total: runs.length, train: runs.length, test: 0 },
    codeVersion: 'test',
    timings: { startedAt: finishedAt, finishedAt, fitSeconds: 0, evaluateSeconds: 0 },
    primaryMetric: { name: 'runtime_mae', direction: 'minimize', value: 0 },
    metrics: {},
    checksums: await checksumTree(dir),
  };
  await writeFile(join(dir, RUN_RECORD_FILE), JSON.stringify(record));
  return dir;
}

/**
 * calcloud-like rows made up for serving tests (memory grows with input size and detector, wallclock with file
 * count); model quality is libs/models' concern, not the predictor's.
 */
export function syntheticCalcloudRows(count: number): CalcloudRow[] {
  const detectors = ['UVIS', 'WFC', 'IR', 'SBC'];
  return Array.from({ length: count }, (_, i) => {
    const features = encodeCalcloudKeywords({
      datasetId: `${'ijlo'[i % 4]}${(1000 + i).toString(36)}${i % 3 === 0 ? '0' : 'q'}`,
      nFiles: 1 + (i % 9),
      totalMb: 1 + ((i * 53) % 2500),
      DETECTOR: detectors[i % 4],
      DRIZCORR: i % 2 === 0 ? 'PERFORM' : 'OMIT',
      CRSPLIT: i % 3,
    });
    const memoryGb = 0.4 + features.total_mb / 160 + features.detector * 0.8;
    return { id: `row-${i}`, features, memoryGb, wallclockSeconds: 120 + 240 * features.n_files + features.total_mb / 4, memBin: memoryBinOf(memoryGb) };
  });
}

/** Trains a small calcloud bundle and stores it as `<store>/calcloud/<run>/` with a run.json holding checksums. */
export async function storeCalcloudRun(storeRoot: string, runName: string, rows: CalcloudRow[], finishedAt = new Date().toISOString()): Promise<string> {
  const dir = join(storeRoot, 'calcloud', runName);
  const { bundle, metrics } = await trainCalcloud(rows, { epochsScale: 0.1, seed: 7 });
  await saveCalcloudBundle(bundle, dir);
  bundle.dispose();
  const record: RunRecord = {
    runName,
    family: 'calcloud',
    kind: 'calcloud-bundle',
    config: { params: { epochsScale: 0.1 }, split: { testSize: 0.2 }, earlyStopping: null },
    dataWindow: { from: null, to: null },
    rowCounts: { total: rows.length, train: metrics.train_rows, test: metrics.test_rows },
    codeVersion: 'test',
    timings: { startedAt: finishedAt, finishedAt, fitSeconds: metrics.train_seconds, evaluateSeconds: 0 },
    primaryMetric: { name: 'accuracy', direction: 'maximize', value: metrics.accuracy },
    metrics: { accuracy: metrics.accuracy },
    checksums: await checksumTree(dir),
  };
  await writeFile(join(dir, RUN_RECORD_FILE), JSON.stringify(record));
  return dir;
}
