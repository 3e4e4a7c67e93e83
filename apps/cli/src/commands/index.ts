import type { Command } from 'commander';
import { register as backtest } from './backtest.command';
import { register as generate } from './generate.command';
import { register as importFiles } from './import.command';
import { register as esLoad } from './es-load.command';
import { register as backfill } from './backfill.command';

/** One entry per subcommand file; each adds itself to the program. */
export const commands: Array<(program: Command) => void> = [backtest, generate, importFiles, esLoad, backfill];
