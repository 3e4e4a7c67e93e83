import { Command } from 'commander';
import { commands } from './commands';

/** The `jobcast` command: each subcommand lives in its own file under ./commands. */
export function buildProgram(): Command {
  const program = new Command('jobcast')
    .description('Jobcast: learn job memory, wallclock, runtime, cost and queue time from finished jobs')
    .version('0.1.0')
    .showHelpAfterError();
  for (const register of commands) register(program);
  return program;
}
