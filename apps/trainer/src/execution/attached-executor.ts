import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TrainingTaskResult } from '@jobcast/models';
import { ABORTED_MESSAGE, type RunExecutor, settleOn } from './run-executor.port';
import type { RunEvent, RunInput } from './run-job';

/**
 * Runs each training job in a worker thread of the trainer, so the event loop (and the API) stays responsive while
 * the networks train.
 */
export class AttachedExecutor implements RunExecutor {
  execute(input: RunInput, onEvent: (event: RunEvent) => void, signal: AbortSignal): Promise<TrainingTaskResult> {
    return new Promise((resolvePromise, reject) => {
      if (signal.aborted) return reject(new Error(ABORTED_MESSAGE));
      const worker = startWorker(input);
      let settled = false;
      const stop = () => {
        settled = true;
        reject(new Error(ABORTED_MESSAGE));
        void worker.terminate();
      };
      signal.addEventListener('abort', stop, { once: true });
      worker.on('exit', () => signal.removeEventListener('abort', stop));
      worker.on('message', (event: RunEvent) => {
        onEvent(event);
        settleOn(
          event,
          (result) => ((settled = true), resolvePromise(result)),
          (error) => ((settled = true), reject(error)),
        );
      });
      worker.on('error', (error) => {
        settled = true;
        reject(error);
      });
      worker.on('exit', (code) => {
        if (!settled) reject(new Error(`the training worker exited with code ${code} before finishing`));
      });
    });
  }
}

/** From source (`.ts`), the worker registers swc first, with the workspace path aliases. */
function startWorker(input: RunInput): Worker {
  const entry = join(__dirname, `training-worker${__filename.endsWith('.ts') ? '.ts' : '.js'}`);
  if (!entry.endsWith('.ts')) return new Worker(entry, { workerData: input });
  const bootstrap = `require('@swc-node/register'); require(${JSON.stringify(entry)});`;
  return new Worker(bootstrap, {
    eval: true,
    workerData: input,
    env: { ...process.env, SWC_NODE_PROJECT: process.env.SWC_NODE_PROJECT ?? workspaceTsconfig() },
  });
}

function workspaceTsconfig(): string {
  return resolve(__dirname, '../../../../tsconfig.base.json');
}
