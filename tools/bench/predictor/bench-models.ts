import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobRun } from '@jobcast/contracts';
import { generateHistory, normalizeJobStatus } from '@jobcast/features';
import {
  RUN_RECORD_FILE,
  checksumTree,
  findModelFamily,
  readCalcloudCsv,
  runTrainingTask,
  saveCalcloudBundle,
  trainCalcloud,
  type RunRecord,
} from '@jobcast/models';

/** The real calcloud file (not copied into the repo); the bench says so when it is absent. */
export const CALCLOUD_CSV = '/work/shared/data/calcloud/calcloud-2021-05-11.csv';

/** Job runs of a synthetic HySDS history (deterministic with its seed), normalized as the features service would. */
export function syntheticRuns(jobs: number, seed: number): JobRun[] {
  const runs: JobRun[] = [];
  for (const document of generateHistory({ jobs, seed })) {
    const normalized = normalizeJobStatus(document);
    if (normalized.ok) runs.push(normalized.run);
  }
  return runs;
}

const log = (family: string) => (line: string) => process.stderr.write(`[train ${family}] ${line}\n`);

/** The runtime family through the trainer's own task: `<root>/runtime/bench/` with run.json and checksums. */
export async function trainRuntimeRun(root: string, runs: JobRun[]): Promise<void> {
  await runTrainingTask({
    family: findModelFamily('runtime'),
    rows: runs,
    runName: 'bench',
    params: {},
    split: { kind: 'holdout', testFraction: 0.2, timeOrdered: true, seed: 42 },
    earlyStopping: null,
    dataWindow: { from: null, to: null },
    codeVersion: 'bench',
    outDir: join(root, 'runtime', 'bench'),
    log: log('runtime'),
  });
}

/** The calcloud bundle trained on the real file (default config), stored as `<root>/calcloud/bench/` with run.json. */
export async function trainCalcloudRun(root: string, csvPath: string): Promise<void> {
  if (!existsSync(csvPath)) throw new Error(`${csvPath} is absent: pass --models <dir> with a trained calcloud run instead`);
  const { rows } = readCalcloudCsv(csvPath);
  const dir = join(root, 'calcloud', 'bench');
  const started = new Date().toISOString();
  const { bundle, metrics } = await trainCalcloud(rows, { onProgress: log('calcloud') });
  await saveCalcloudBundle(bundle, dir);
  bundle.dispose();
  const record: RunRecord = {
    runName: 'bench',
    family: 'calcloud',
    kind: 'calcloud-bundle',
    config: { params: { config: metrics.config }, split: { testSize: 0.2 }, earlyStopping: null },
    dataWindow: { from: null, to: null },
    rowCounts: { total: rows.length, train: metrics.train_rows, test: metrics.test_rows },
    codeVersion: 'bench',
    timings: { startedAt: started, finishedAt: new Date().toISOString(), fitSeconds: metrics.train_seconds, evaluateSeconds: 0 },
    primaryMetric: { name: 'accuracy', direction: 'maximize', value: metrics.accuracy },
    metrics: { accuracy: metrics.accuracy, mem_rmse: metrics.mem_rmse, wall_rmse: metrics.wall_rmse },
    checksums: await checksumTree(dir),
  };
  await writeFile(join(dir, RUN_RECORD_FILE), JSON.stringify(record));
}
