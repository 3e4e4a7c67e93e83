import { encodeCalcloudKeywords, type CalcloudFeatures } from '@jobcast/models';
import type { FamilyModels, ModelFamily } from './model-ports';

/** Typical jobs every model must answer sanely before it may serve (a WFC3 association and an ACS singleton). */
const CALCLOUD_CANARIES: CalcloudFeatures[] = [
  encodeCalcloudKeywords({ datasetId: 'ia2l51030', nFiles: 7, totalMb: 105, DETECTOR: 'UVIS', DRIZCORR: 'PERFORM', PCTECORR: 'PERFORM', CRSPLIT: 2 }),
  encodeCalcloudKeywords({ datasetId: 'j8cb01u2q', nFiles: 1, totalMb: 2, DETECTOR: 'SBC', SUBARRAY: true }),
];

const isFiniteNonNegative = (value: number) => Number.isFinite(value) && value >= 0;

/** Runs a model on canary inputs; returns the reason it must be refused, or null when it may serve. */
export function validateModel<F extends ModelFamily>(family: F, model: FamilyModels[F]): string | null {
  try {
    switch (family) {
      case 'calcloud':
        return validateCalcloud(model as FamilyModels['calcloud']);
      case 'runtime':
        return validateRuntime(model as FamilyModels['runtime']);
      default:
        return validateCondorHold(model as FamilyModels['condor-hold']);
    }
  } catch (error) {
    return `canary prediction threw: ${(error as Error).message}`;
  }
}

function validateCalcloud(model: FamilyModels['calcloud']): string | null {
  const answers = model.predictBatch(CALCLOUD_CANARIES);
  if (answers.length !== CALCLOUD_CANARIES.length) return `answered ${answers.length} of ${CALCLOUD_CANARIES.length} canaries`;
  for (const answer of answers) {
    const probabilitySum = answer.binProbs.reduce((sum, p) => sum + p, 0);
    if (answer.binProbs.length !== 4 || !answer.binProbs.every(isFiniteNonNegative) || Math.abs(probabilitySum - 1) > 1e-3) {
      return `bin probabilities are not a distribution over 4 bins: ${JSON.stringify(answer.binProbs)}`;
    }
    const numbers = { memoryGb: answer.memoryGb, wallclockSeconds: answer.wallclockSeconds, killTimeSeconds: answer.killTimeSeconds };
    for (const [name, value] of Object.entries(numbers)) {
      if (!isFiniteNonNegative(value)) return `${name} is ${value}`;
    }
    if (![answer.memBin, answer.costAwareBin].every((bin) => Number.isInteger(bin) && bin >= 0 && bin <= 3)) {
      return `bins out of range: ${answer.memBin}, ${answer.costAwareBin}`;
    }
  }
  return null;
}

function validateRuntime(family: FamilyModels['runtime']): string | null {
  const answer = family.runtime.estimate('*', '*');
  for (const key of ['mean', 'stdev', 'p50', 'p90', 'p99'] as const) {
    if (!isFiniteNonNegative(answer[key])) return `runtime ${key} for (*, *) is ${answer[key]}`;
  }
  if (answer.samples < 1) return 'runtime model holds no samples';
  const queue = family.queue.estimate(['*'], 1);
  if (!isFiniteNonNegative(queue.minSeconds) || !isFiniteNonNegative(queue.maxSeconds)) {
    return `queue estimate is ${queue.minSeconds}..${queue.maxSeconds}`;
  }
  return null;
}

/** The trainer counts at least its minimum rows, so an empty history is a broken file, not a thin one. */
function validateCondorHold({ history }: FamilyModels['condor-hold']): string | null {
  return history.samples > 0 ? null : 'release history holds no samples';
}
