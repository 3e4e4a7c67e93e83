import type { Command } from 'commander';
import { register as advise } from './advise.command';
import { register as backtest } from './backtest.command';
import { register as generate } from './generate.command';
import { register as importFiles } from './import.command';
import { register as start } from './start.command';
import { register as esLoad } from './es-load.command';
import { register as backfill } from './backfill.command';
import { register as train } from './train.command';
import { register as predict } from './predict.command';
import { register as report } from './report.command';
import { register as sweep } from './sweep.command';

/** One entry per subcommand file; each adds itself to the program. */
export const commands: Array<(program: Command) => void> = [
  advise,
  backtest,
  generate,
  importFiles,
  start,
  esLoad,
  backfill,
  train,
  predict,
  report,
  sweep,
];
