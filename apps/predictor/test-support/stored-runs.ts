import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobRun } from '@jobcast/contracts';
import { RUN_RECORD_FILE, checksumTree, fitRuntimeModel, runtimeFamily, type RunRecord } from '@jobcast/models';

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
