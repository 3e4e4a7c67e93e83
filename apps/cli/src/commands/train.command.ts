import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CALCLOUD_CONFIGS, CalcloudConfigName, crossValidateCalcloud, readCalcloudCsv, saveCalcloudBundle, trainCalcloud, writeCalcloudResults } from '@jobcast/models';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { openFraction, positiveNumber } from './option-parsers';

interface TrainCalcloudFlags {
  data: string;
  out: string;
  seed?: number;
  testSize?: number;
  epochsScale?: number;
  config: CalcloudConfigName;
  priceTable?: string;
  folds?: number;
}

const integer = (value: string): number => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a non-negative integer');
  return Number(value);
};

/**
 * `jobcast train calcloud --data <csv> --out <dir>`: trains the memory-bin classifier and the memory / wallclock
 * regressors, writes `<dir>/models` and `<dir>/results`, logs progress on stderr and prints the metrics as the last
 * stdout line (one JSON object).
 */
export function register(program: Command): void {
  const train = program.commands.find((c) => c.name() === 'train') ?? program.command('train').description('train models on a data file');
  train
    .command('calcloud')
    .description('train the calcloud memory-bin, memory and wallclock models on a calcloud CSV')
    .requiredOption('--data <csv>', 'training CSV (n_files, total_mb, the encoded flags, memory, wallclock, ipst)')
    .requiredOption('--out <dir>', 'run folder: models/ and results/ are written inside')
    .option('--seed <n>', 'seed for the split, shuffles and initial weights (default 42)', integer)
    .option('--test-size <fraction>', 'share of rows held out for the test split (default 0.2)', openFraction)
    .option('--epochs-scale <x>', 'multiply every epoch / boosting-round budget (default 1)', positiveNumber)
    .addOption(new Option('--config <name>', 'model preset').choices(Object.keys(CALCLOUD_CONFIGS)).default('default'))
    .option('--price-table <json>', 'EC2 price table overriding the bundled one')
    .option('--folds <k>', 'also run stratified k-fold cross-validation (results/kfold.json)', integer)
    .action(async (flags: TrainCalcloudFlags) => trainCalcloudCommand(flags));
}

async function trainCalcloudCommand(flags: TrainCalcloudFlags): Promise<void> {
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const dataset = readCalcloudCsv(flags.data);
  log(`read ${dataset.rows.length} rows from ${flags.data}`);
  for (const rejected of dataset.rejected) log(`skipped line ${rejected.line}: ${rejected.error}`);
  const { bundle, metrics, results } = await trainCalcloud(dataset.rows, {
    config: flags.config,
    seed: flags.seed,
    testSize: flags.testSize,
    epochsScale: flags.epochsScale,
    priceTablePath: flags.priceTable,
    onProgress: log,
  });
  const models = await saveCalcloudBundle(bundle, flags.out);
  const summary = { ...metrics, rejected_rows: dataset.rejected.length };
  const resultsDir = writeCalcloudResults(results, summary, flags.out);
  bundle.dispose();
  log(`models in ${models}, results in ${resultsDir}`);
  if (flags.folds !== undefined) {
    const kfold = await crossValidateCalcloud(dataset.rows, flags.folds, { config: flags.config, seed: flags.seed, epochsScale: flags.epochsScale, priceTablePath: flags.priceTable, onProgress: log });
    writeFileSync(join(resultsDir, 'kfold.json'), JSON.stringify(kfold, null, 2));
    Object.assign(summary, { kfold_mean: kfold.mean, kfold_std: kfold.std });
  }
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}
