import { readFileSync } from 'node:fs';
import { formatEventLine } from './detached-protocol';
import { executeRun } from './execute-run';
import type { RunEvent, RunInput } from './run-job';

/**
 * Entry of a detached run: `detached-run.main.ts <job file>`. The job file (written by the trainer, or by an outside
 * scheduler) holds the RunInput; the layout produced is the same as an attached run's. Exit code 0 = succeeded.
 */
async function main(): Promise<void> {
  const jobFile = process.argv[2];
  if (!jobFile) {
    process.stderr.write('usage: detached-run.main.ts <job file>\n');
    process.exit(2);
  }
  const input = JSON.parse(readFileSync(jobFile, 'utf8')) as RunInput;
  let failed = false;
  await executeRun(input, (event: RunEvent) => {
    if (event.type === 'log') process.stdout.write(`${event.line}\n`);
    if (event.type === 'failed') failed = true;
    process.stdout.write(`${formatEventLine(event)}\n`);
  });
  process.exitCode = failed ? 1 : 0;
}

void main();
