import type { TrainingTaskResult } from '@jobcast/models';
import type { RunEvent, RunInput } from './run-job';

/** Runs a training job somewhere (a worker thread, a separate process) with the same output layout. */
export interface RunExecutor {
  /** Resolves with the result; rejects with the run's failure reason, or when `signal` aborts the run. */
  execute(input: RunInput, onEvent: (event: RunEvent) => void, signal: AbortSignal): Promise<TrainingTaskResult>;
}

export const RUN_EXECUTOR = Symbol('RunExecutor');

/** Turns the event stream into the promise's outcome. */
export function settleOn(
  event: RunEvent,
  resolve: (result: TrainingTaskResult) => void,
  reject: (error: Error) => void,
): void {
  if (event.type === 'done') resolve(event.result);
  if (event.type === 'failed') reject(new Error(event.message));
}

export const ABORTED_MESSAGE = 'the trainer shut down during the run';
