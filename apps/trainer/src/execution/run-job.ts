import type { JobRun } from '@jobcast/contracts';
import type { EarlyStoppingConfig, EpochProgress, ParamSet, SplitConfig, TrainingTaskResult } from '@jobcast/models';

/** Everything a run needs besides its rows; serialisable, so it crosses a worker or process boundary unchanged. */
export interface RunJob {
  runId: string;
  family: string;
  runName: string;
  params: ParamSet;
  split: SplitConfig;
  earlyStopping: EarlyStoppingConfig | null;
  dataWindow: { from: string | null; to: string | null };
  codeVersion: string;
  /** local staging folder receiving the artifacts */
  outDir: string;
  /** local folder of the current champion, scored on the same rows for the gate */
  championDir?: string;
}

/** What a run reports while it executes, wherever it executes. */
export type RunEvent =
  | { type: 'progress'; progress: EpochProgress }
  | { type: 'log'; line: string }
  | { type: 'done'; result: TrainingTaskResult }
  | { type: 'failed'; message: string };

/** The run's input as handed to a worker or written for a detached process. */
export interface RunInput {
  job: RunJob;
  rows: JobRun[];
}
