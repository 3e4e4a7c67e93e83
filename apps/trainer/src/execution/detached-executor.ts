import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { TrainingTaskResult } from '@jobcast/models';
import { parseEventLine } from './detached-protocol';
import { ABORTED_MESSAGE, type RunExecutor, settleOn } from './run-executor.port';
import type { RunEvent, RunInput } from './run-job';

/**
 * Runs each training job as a separate process: writes the job file, launches the command with the file's path as
 * its last argument, follows its event lines. The process writes the same layout an attached run does.
 */
export class DetachedExecutor implements RunExecutor {
  /** @param command argv prefix; default: node with swc running this repo's detached entry */
  constructor(
    private readonly workDir: string,
    private readonly command: string[] = defaultCommand(),
  ) {}

  async execute(input: RunInput, onEvent: (event: RunEvent) => void, signal: AbortSignal): Promise<TrainingTaskResult> {
    const jobsDir = join(this.workDir, 'jobs');
    await mkdir(jobsDir, { recursive: true });
    const jobFile = join(jobsDir, `${input.job.runId}.json`);
    await writeFile(jobFile, JSON.stringify(input));
    try {
      return await this.launch(jobFile, onEvent, signal);
    } finally {
      await rm(jobFile, { force: true });
    }
  }

  private launch(jobFile: string, onEvent: (event: RunEvent) => void, signal: AbortSignal): Promise<TrainingTaskResult> {
    return new Promise((resolvePromise, reject) => {
      if (signal.aborted) return reject(new Error(ABORTED_MESSAGE));
      const [program, ...args] = this.command;
      const child = spawn(program, [...args, jobFile], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, SWC_NODE_PROJECT: process.env.SWC_NODE_PROJECT ?? resolve(__dirname, '../../../../tsconfig.base.json') },
      });
      let settled = false;
      const stop = () => {
        settled = true;
        reject(new Error(ABORTED_MESSAGE));
        child.kill('SIGTERM');
      };
      signal.addEventListener('abort', stop, { once: true });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
      createInterface({ input: child.stdout }).on('line', (line) => {
        const event = parseEventLine(line);
        if (!event) return;
        onEvent(event);
        settleOn(
          event,
          (result) => ((settled = true), resolvePromise(result)),
          (error) => ((settled = true), reject(error)),
        );
      });
      child.on('error', (error) => reject(new Error(`could not launch the detached run (${program}): ${error.message}`)));
      child.on('close', (code, exitSignal) => {
        signal.removeEventListener('abort', stop);
        if (!settled) reject(new Error(`the detached run exited (${exitSignal ?? `code ${code}`}) before finishing: ${stderr.trim()}`));
      });
    });
  }
}

function defaultCommand(): string[] {
  const entry = join(__dirname, `detached-run.main${__filename.endsWith('.ts') ? '.ts' : '.js'}`);
  return entry.endsWith('.ts') ? [process.execPath, '-r', '@swc-node/register', entry] : [process.execPath, entry];
}
