import type { CostPrediction, MemoryPrediction, Prediction, WallclockPrediction } from '@jobcast/contracts';
import { remembered } from '../prediction/remembered';
import { SharedPartsPrediction, type SharedParts } from '../prediction/shared-parts-prediction';

/** JSON of frozen objects: parts the assembler shares between many predictions, which therefore never change. */
const sharedFragments = new WeakMap<object, string>();

function shared(value: object): string {
  return remembered(sharedFragments, value, JSON.stringify);
}

/** A part written by `write` when it is fresh, once per object when it is frozen (shared). */
function part<T extends object>(value: T | null, write: (value: T) => string): string {
  if (value === null) return 'null';
  return Object.isFrozen(value) ? shared(value) : write(value);
}

/** As JSON.stringify writes a number (non-finite ones as null). */
const number = (value: number): string => (Number.isFinite(value) ? `${value}` : 'null');

/** As JSON.stringify writes a string: most need no escaping, and checking costs a fraction of a stringify call. */
function text(value: string | null): string {
  if (value === null) return 'null';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) return JSON.stringify(value);
  }
  return `"${value}"`;
}

/*
 * The fresh parts of a calcloud answer, written field by field in the contract's order (the order the assembler builds
 * them in): JSON.stringify of such small objects costs several times the template.
 */

function memoryJson(memory: MemoryPrediction): string {
  let probabilities = '';
  for (const probability of memory.binProbabilities) probabilities += (probabilities === '' ? '' : ',') + number(probability);
  return (
    `{"bin":${number(memory.bin)},"binProbabilities":[${probabilities}],"gb":${number(memory.gb)},` +
    `"costAwareBin":${number(memory.costAwareBin)},"costAwareInstance":${text(memory.costAwareInstance)}}`
  );
}

function wallclockJson(wallclock: WallclockPrediction): string {
  return `{"seconds":${number(wallclock.seconds)},"killTimeSeconds":${number(wallclock.killTimeSeconds)},"source":${text(wallclock.source)}}`;
}

function costJson(cost: CostPrediction): string {
  let perInstance = '';
  for (const { instance, usd, hourlyUsd } of cost.perInstance) {
    perInstance += `${perInstance === '' ? '' : ','}{"instance":${text(instance)},"usd":${number(usd)},"hourlyUsd":${number(hourlyUsd)}}`;
  }
  return `{"expectedUsd":${cost.expectedUsd === null ? 'null' : number(cost.expectedUsd)},"instance":${text(cost.instance)},"perInstance":[${perInstance}],"units":${text(cost.units)}}`;
}

/** `"jobType":…}`: the JSON of shared parts without its opening brace, to follow a payload id. */
const sharedPartsTails = new WeakMap<SharedParts, string>();

function sharedPartsTail(parts: SharedParts): string {
  return remembered(sharedPartsTails, parts, (fresh) => JSON.stringify(fresh).slice(1));
}

/**
 * `JSON.stringify(prediction)`: each shared part (runtime statistics, model versions, notes, whole runtime-only
 * answers) serialised once instead of once per prediction, the fresh ones by hand.
 */
export function predictionJson(prediction: Prediction): string {
  const { payloadId, jobType, instance, memory, wallclock, runtime, cost, models, notes } = prediction;
  const parts = SharedPartsPrediction.partsOf(prediction);
  if (parts !== undefined) return `{"payloadId":${text(payloadId)},${sharedPartsTail(parts)}`;
  return (
    `{"payloadId":${text(payloadId)},"jobType":${text(jobType)},"instance":${text(instance)},` +
    `"memory":${part(memory, memoryJson)},"wallclock":${part(wallclock, wallclockJson)},"runtime":${part(runtime, JSON.stringify)},` +
    `"cost":${part(cost, costJson)},"models":${part(models, JSON.stringify)},"notes":${part(notes, JSON.stringify)}}`
  );
}

/**
 * Predictions per piece of a batch answer: ~90 KB of text, under V8's large-object size (128 KB). A larger string gets
 * pages of its own, mapped and faulted in afresh for every piece, which cost more than writing the JSON.
 */
const PREDICTIONS_PER_PIECE = 100;

/** The batch answer `{"predictions":[…]}` as text, in pieces of a few predictions, so it can be sent as it is made. */
export function* batchAnswerJson(chunks: Iterable<readonly Prediction[]>): Generator<string> {
  let separator = '';
  yield '{"predictions":[';
  for (const chunk of chunks) {
    for (let from = 0; from < chunk.length; from += PREDICTIONS_PER_PIECE) {
      yield separator + chunk.slice(from, from + PREDICTIONS_PER_PIECE).map(predictionJson).join(',');
      separator = ',';
    }
  }
  yield ']}';
}
