import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { InvalidArgumentError, type Command } from 'commander';
import { loadTrainerConfig, SweepService, TrainerModule, TrainingSlot } from '@jobcast/trainer';

interface SweepFlags {
  grid: Record<string, unknown[]>;
  fixed?: Record<string, unknown>;
  search: 'grid' | 'random';
  samples?: number;
  seed: number;
  name?: string;
  windowDays?: number;
}

type SweepView = Awaited<ReturnType<SweepService['get']>>;

const jsonObject = (flag: string) => (value: string) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    throw new InvalidArgumentError(`${flag} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new InvalidArgumentError(`${flag} must be a JSON object`);
  return parsed as Record<string, unknown>;
};

const wholeNumber = (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new InvalidArgumentError('must be a whole number ≥ 0');
  return number;
};

/**
 * `jobcast sweep <family> --grid <json>`: runs a hyperparameter sweep with the trainer's database and model store
 * (DATABASE_URL, MODEL_STORE_URL, … as the trainer reads them), shows a progress bar, and prints the sweep — runs
 * autonamed by the rule, their metrics, the best run — as JSON on its last line.
 */
export function register(program: Command): void {
  program
    .command('sweep')
    .description('train one run per parameter set (grid or random search) and keep the best through the promotion gate')
    .argument('<family>', 'model family, e.g. calcloud or runtime')
    .requiredOption('--grid <json>', 'values to try per argument, e.g. \'{"epochsScale":[0.5,1],"seed":[1,2]}\'', jsonObject('--grid'))
    .option('--fixed <json>', 'arguments held fixed (they do not enter run names)', jsonObject('--fixed'))
    .option('--search <kind>', 'grid (every combination) or random', 'grid')
    .option('--samples <n>', 'combinations drawn by a random search', wholeNumber)
    .option('--seed <n>', 'seed of the random search', wholeNumber, 42)
    .option('--name <name>', 'folder of the sweep below the family (default sweep-<timestamp>)')
    .option('--window-days <n>', 'training window in days (0 = all history; default TRAINER_WINDOW_DAYS)', wholeNumber)
    .action(async (family: string, flags: SweepFlags) => {
      const config = loadTrainerConfig({ ...process.env, TRAINER_CRON: 'off' });
      const app = await NestFactory.createApplicationContext(TrainerModule.forRoot({ config }), { logger: ['error', 'warn'] });
      try {
        const sweeps = app.get(SweepService);
        const { sweep } = await sweeps.start({
          family,
          grid: flags.grid as Record<string, never[]>,
          fixed: (flags.fixed ?? {}) as Record<string, never>,
          search: flags.search,
          samples: flags.samples,
          seed: flags.seed,
          name: flags.name,
          windowDays: flags.windowDays,
        });
        const ticker = setInterval(() => void sweeps.get(sweep.id).then(drawProgress, () => undefined), 500);
        await app.get(TrainingSlot).idle();
        clearInterval(ticker);
        const view = await sweeps.get(sweep.id);
        drawProgress(view);
        process.stderr.write('\n');
        console.log(JSON.stringify(summary(view)));
        if (view.sweep.status !== 'succeeded') process.exitCode = 1;
      } finally {
        await app.close();
      }
    });
}

const BAR_WIDTH = 24;

/** `[#######.........] 2/4 runs  S05-N0 mem_clf epoch 12/80 loss 0.231` on stderr, redrawn in place. */
function drawProgress({ runs }: SweepView): void {
  const done = runs.filter((run) => run.status === 'succeeded' || run.status === 'failed').length;
  const filled = runs.length === 0 ? 0 : Math.round((done / runs.length) * BAR_WIDTH);
  const current = runs.find((run) => run.status === 'running');
  const detail = current?.progress
    ? `${current.name} ${current.progress.model} epoch ${current.progress.epoch}/${current.progress.totalEpochs} loss ${current.progress.loss.toPrecision(3)}`
    : (current?.name ?? '');
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${runs.length} runs  ${detail}`.padEnd(100));
}

function summary({ sweep, runs }: SweepView) {
  return {
    sweepId: sweep.id,
    status: sweep.status,
    error: sweep.error,
    metric: sweep.metric,
    direction: sweep.direction,
    best: runs.find((run) => run.id === sweep.bestRunId)?.name ?? null,
    runs: runs.map((run) => ({ name: run.name, status: run.status, value: run.metrics[`${sweep.metric}_test`] ?? null, location: run.location, error: run.error })),
  };
}
