import { spawnSync } from 'node:child_process';

/**
 * Runs this script again under `--no-memory-reducer` unless it already is, and returns that run's exit status
 * (undefined in the run that does the work).
 *
 * The bench process idles while its load workers run, and V8's memory reducer then collects its startup garbage (the
 * TypeScript compiler's, the training's) about a minute after start: measured, three full GCs within 1.5 s with ~70 ms
 * of marking each, ~43 s into the steady test, taking CPU from the predictor and the client on this 2-core machine.
 * The flag only acts from the command line (`v8.setFlagsFromString` is too late), hence the second process; the first
 * waits in `spawnSync`, which runs none of its own GC tasks meanwhile.
 */
export function rerunWithoutMemoryReducer(): number | undefined {
  if (process.execArgv.includes('--no-memory-reducer')) return undefined;
  const run = spawnSync(process.execPath, ['--no-memory-reducer', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  return run.status ?? 1;
}
