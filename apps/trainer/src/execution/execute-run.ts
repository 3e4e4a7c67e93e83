import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findModelFamily, RUN_LOG_FILE, runTrainingTask } from '@jobcast/models';
import type { RunEvent, RunInput } from './run-job';

/**
 * Executes one run in the current process (a worker thread or a detached process) and reports through `emit`.
 * Every log line also goes to `<outDir>/run.log`, metrics lines included.
 */
export async function executeRun({ job, rows }: RunInput, emit: (event: RunEvent) => void): Promise<void> {
  mkdirSync(job.outDir, { recursive: true });
  const logFile = join(job.outDir, RUN_LOG_FILE);
  const log = (line: string) => {
    appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`);
    emit({ type: 'log', line });
  };
  try {
    const result = await runTrainingTask({
      family: findModelFamily(job.family),
      rows,
      runName: job.runName,
      params: job.params,
      split: job.split,
      earlyStopping: job.earlyStopping,
      dataWindow: job.dataWindow,
      codeVersion: job.codeVersion,
      outDir: job.outDir,
      championDir: job.championDir,
      log,
      onProgress: (progress) => emit({ type: 'progress', progress }),
    });
    emit({ type: 'done', result });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`run failed: ${message}`);
    emit({ type: 'failed', message });
  }
}
