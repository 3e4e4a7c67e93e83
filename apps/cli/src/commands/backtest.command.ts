import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { parseSwf, swfJobToJobRun } from '@jobcast/features';
import { positiveNumber } from './option-parsers';
import {
  QueueTimeEstimatorOptions,
  backtestRowsToCsv,
  processorClass,
  replayBacktest,
  summariseBacktest,
} from '@jobcast/models';

interface BacktestSwfFlags {
  out: string;
  quantile: number;
  confidence: number;
  nodes?: number;
}

const fraction = (name: string) => (value: string) => {
  const number = Number(value);
  if (!(number > 0 && number < 1)) throw new InvalidArgumentError(`${name} must lie strictly between 0 and 1`);
  return number;
};


/**
 * `jobcast backtest swf <file> --out <dir>`: replays a Standard Workload Format trace in submit order and writes
 * `<dir>/predictions.csv` (per job) and `<dir>/summary.json` (per estimator); prints the summary.
 */
export function register(program: Command): void {
  const backtest = program.command('backtest').description('replay a history and score the estimators on it');
  backtest
    .command('swf')
    .description('runtime and queue-wait estimators on a Standard Workload Format trace, against SOAMC and requested time')
    .argument('<file>', 'the .swf trace')
    .requiredOption('--out <dir>', 'folder for predictions.csv and summary.json')
    .option('--quantile <q>', 'wait quantile the queue bound covers', fraction('--quantile'), 0.95)
    .option('--confidence <c>', 'confidence of the queue bound', fraction('--confidence'), 0.95)
    .option('--nodes <n>', "SOAMC's nodes (default: the trace's MaxProcs)", positiveNumber)
    .action(async (file: string, flags: BacktestSwfFlags) => {
      const trace = parseSwf(await readFile(file, 'utf8'));
      for (const { line, reason } of trace.rejected) console.error(`jobcast: ${file}:${line} skipped: ${reason}`);
      const nodes = flags.nodes ?? trace.header.maxProcs;
      if (nodes === undefined || nodes === null) {
        throw new Error(`${file} has no MaxProcs header line; give SOAMC's node count with --nodes`);
      }
      const queue = QueueTimeEstimatorOptions.parse({ quantile: flags.quantile, confidence: flags.confidence });
      const runs = trace.jobs.map((job) => swfJobToJobRun(job, trace.header));
      const rows = replayBacktest(runs, {
        soamcNodes: nodes,
        soamcWeightOf: (run) => run.cpuCount ?? 1,
        queueGroupOf: processorClass,
        queue,
      });
      const summary = summariseBacktest(rows, queue.quantile, queue.confidence);
      await mkdir(flags.out, { recursive: true });
      await writeFile(join(flags.out, 'predictions.csv'), backtestRowsToCsv(rows));
      await writeFile(join(flags.out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
      console.log(JSON.stringify(summary));
    });
}
