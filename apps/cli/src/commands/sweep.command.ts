import { InvalidArgumentError, type Command } from 'commander';
import { wholeNumber } from './option-parsers';

interface SweepFlags {
  grid: Record<string, unknown>;
  fixed?: Record<string, unknown>;
  search: string;
  samples?: number;
  seed: number;
  name?: string;
  windowDays?: number;
  trainer: string;
}

interface RunView {
  id: string;
  name: string;
  status: string;
  metrics: Record<string, number>;
  location: string | null;
  error: string | null;
  progress: { model: string; epoch: number; totalEpochs: number; loss: number } | null;
}

interface SweepView {
  sweep: { id: string; status: string; error: string | null; metric: string; direction: string; bestRunId: string | null };
  runs: RunView[];
}

const POLL_INTERVAL_MS = 500;
const BAR_WIDTH = 24;

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


/**
 * `jobcast sweep <family> --grid <json>`: asks the trainer (`POST /v1/sweeps`) for a hyperparameter sweep, shows a
 * progress bar while it runs, and prints the sweep — runs autonamed by the rule, their metric, the best run — as
 * one JSON object on its last line. Exit code 1 when the trainer refuses or the sweep fails.
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
    .option('--window-days <n>', "training window in days (0 = all history; default: the trainer's)", wholeNumber)
    .option('--trainer <url>', 'trainer base URL', process.env['TRAINER_URL'] ?? 'http://127.0.0.1:3002')
    .action(async (family: string, flags: SweepFlags) => {
      const { trainer, ...spec } = flags;
      const started = await call<SweepView>(trainer, '/v1/sweeps', { family, ...spec });
      let view = started;
      while (view.sweep.status === 'running') {
        drawProgress(view);
        await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
        view = await call<SweepView>(trainer, `/v1/sweeps/${started.sweep.id}`);
      }
      drawProgress(view);
      process.stderr.write('\n');
      console.log(JSON.stringify(summary(view)));
      if (view.sweep.status !== 'succeeded') process.exitCode = 1;
    });
}

/** GET, or POST when a body is given; a refusal becomes an error carrying the trainer's message. */
async function call<T>(base: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, base), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...authorization() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => ({}))) as { message?: string; runningRunId?: string };
  if (!response.ok) {
    const running = answer.runningRunId ? ` (running: ${answer.runningRunId})` : '';
    throw new Error(`trainer answered ${response.status}: ${answer.message ?? response.statusText}${running}`);
  }
  return answer as T;
}

function authorization(): Record<string, string> {
  const token = process.env['TRAINER_ADMIN_TOKEN'];
  return token ? { authorization: `Bearer ${token}` } : {};
}

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
    runs: runs.map((run) => ({
      name: run.name,
      status: run.status,
      value: run.metrics[`${sweep.metric}_test`] ?? null,
      location: run.location,
      error: run.error,
    })),
  };
}
