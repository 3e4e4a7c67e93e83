import { CALCLOUD_BIN_LADDER, MEMORY_BIN_COUNT, loadCalcloudBundle, type CalcloudPredictionColumns } from '@jobcast/models';
import type { CalcloudAnswer, CalcloudModel } from '../model-ports';
import { shortestFloat32Decimal } from './float32-decimals';

/**
 * Reads a stored `calcloud` run (`<run>/models/{tx_data.json, bundle.json, mem_clf/, mem_reg/, wall_reg/}`).
 * Inputs reach the bundle already encoded and validated, so the batch goes straight to the models.
 */
export async function loadCalcloudModel(runDir: string): Promise<CalcloudModel> {
  const bundle = await loadCalcloudBundle(runDir);
  return { predictBatch: (inputs) => answersOf(bundle.predictColumns(inputs)) };
}

/** Read once: each use of a package's export goes through getters. */
const BINS = MEMORY_BIN_COUNT;
const BIN_INSTANCES = CALCLOUD_BIN_LADDER.map((step) => step.instanceType);

/** One answer per row; the models' float32 outputs as their shortest decimals, which print fast and exactly. */
function answersOf(columns: CalcloudPredictionColumns): CalcloudAnswer[] {
  const answers = new Array<CalcloudAnswer>(columns.rows);
  for (let row = 0; row < columns.rows; row++) {
    const binProbs: number[] = [];
    for (let bin = 0; bin < BINS; bin++) binProbs.push(shortestFloat32Decimal(columns.binProbs[row * BINS + bin]));
    answers[row] = {
      memBin: columns.memBin[row],
      binProbs,
      memoryGb: shortestFloat32Decimal(columns.memoryGb[row]),
      wallclockSeconds: shortestFloat32Decimal(columns.wallclockSeconds[row]),
      killTimeSeconds: columns.killTimeSeconds[row],
      costAwareBin: columns.costAwareBin[row],
      costAwareInstance: BIN_INSTANCES[columns.costAwareBin[row]],
    };
  }
  return answers;
}
