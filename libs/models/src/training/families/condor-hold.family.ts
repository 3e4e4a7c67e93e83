import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobRun } from '@jobcast/contracts';
import { ReleaseHistory, releaseLabelOfRun } from '../../condor';
import type { ModelFamily } from '../model-family';

/** The release history of the `condor-hold` family, relative to the run folder: per hold code, samples and successes. */
export const CONDOR_HOLD_HISTORY_FILE = 'models/release_history.json';

/** The advisor's default: release when the estimated success rate is above this. */
const DECISION_THRESHOLD = 0.5;

/**
 * The `condor-hold` family: the release history the HTCondor hold advisor decides from (`adviseHold`), counted over
 * stored condor job runs that went through a hold → release cycle and then finished. Scored by the Brier score of
 * the per-code estimate against reference §5's label (terminated normally or not); log-loss and the accuracy of the
 * release / remove decision at 0.5 are recorded beside it.
 */
export const condorHoldFamily: ModelFamily<ReleaseHistory> = {
  name: 'condor-hold',
  kind: 'condor-hold-advisor',
  source: 'condor',
  // as the runtime family: a 20 % holdout of at least 4 labelled runs to score, 16 to count from
  minRows: 20,
  primaryMetric: { name: 'brier', direction: 'minimize' },
  defaultParams: {},
  // counts, not epochs
  stopsOnRequest: false,

  usable: (row) => releaseLabelOfRun(row) !== null,

  async fit(train, validation) {
    const history = new ReleaseHistory();
    for (const run of [...train, ...validation]) history.observeRun(run);
    return history;
  },

  async save(history, dir) {
    await mkdir(join(dir, 'models'), { recursive: true });
    await writeFile(join(dir, CONDOR_HOLD_HISTORY_FILE), JSON.stringify(history.toCounts(), null, 2));
  },

  async load(dir) {
    return ReleaseHistory.fromCounts(JSON.parse(await readFile(join(dir, CONDOR_HOLD_HISTORY_FILE), 'utf8')));
  },

  async evaluate(history, rows) {
    return scoreReleaseHistory(history, rows);
  },
};

/** The per-code estimate against each labelled run's outcome; the Beta(1, 1) estimate is never 0 or 1. */
function scoreReleaseHistory(history: ReleaseHistory, rows: JobRun[]): Record<string, number> {
  let squared = 0;
  let logLoss = 0;
  let correct = 0;
  let scored = 0;
  for (const row of rows) {
    const label = releaseLabelOfRun(row);
    if (label === null) continue;
    const { estimate } = history.recordOf(label.code);
    const outcome = label.succeeded ? 1 : 0;
    squared += (estimate - outcome) ** 2;
    logLoss -= Math.log(label.succeeded ? estimate : 1 - estimate);
    const released = estimate > DECISION_THRESHOLD;
    if (released === label.succeeded) correct += 1;
    scored += 1;
  }
  if (scored === 0) return {};
  return { brier: squared / scored, log_loss: logLoss / scored, accuracy: correct / scored, scored_rows: scored, history_samples: history.samples };
}
