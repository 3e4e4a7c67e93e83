import { parentPort, workerData } from 'node:worker_threads';
import { executeRun } from './execute-run';
import type { RunInput } from './run-job';

/** Worker-thread entry of an attached run: executes the run in `workerData`, posts every event to the trainer. */
if (!parentPort) throw new Error('training-worker must run in a worker thread');
const port = parentPort;
void executeRun(workerData as RunInput, (event) => port.postMessage(event));
