import { join } from 'node:path';
import type { JobRun } from '@jobcast/contracts';
import { generateHistory, normalizeJobStatus } from '@jobcast/features';
import { findModelFamily, runTrainingTask } from '@jobcast/models';

export interface BenchModels {
  root: string;
  jobTypes: string[];
  instances: string[];
}

/** Job runs of a synthetic HySDS history (deterministic with its seed), normalized as the features service would. */
export function syntheticRuns(jobs: number, seed: number): JobRun[] {
  const runs: JobRun[] = [];
  for (const document of generateHistory({ jobs, seed })) {
    const normalized = normalizeJobStatus(document);
    if (normalized.ok) runs.push(normalized.run);
  }
  return runs;
}

/** Trains one run of each family the predictor serves into `<root>/<family>/bench/`, through the trainer's task. */
export async function trainBenchModels(root: string, families: readonly string[], runs: JobRun[]): Promise<BenchModels> {
  for (const name of families) {
    const family = findModelFamily(name);
    await runTrainingTask({
      family,
      rows: runs,
      runName: 'bench',
      params: {},
      split: { kind: 'holdout', testFraction: 0.2, timeOrdered: true, seed: 42 },
      earlyStopping: null,
      dataWindow: { from: null, to: null },
      codeVersion: 'bench',
      outDir: join(root, name, 'bench'),
      log: (line) => process.stderr.write(`[train ${name}] ${line}\n`),
    });
  }
  const completed = runs.filter((run) => run.status === 'job-completed');
  return {
    root,
    jobTypes: [...new Set(completed.map((run) => run.jobType))],
    instances: [...new Set(completed.flatMap((run) => (run.instanceType ? [run.instanceType] : [])))],
  };
}
