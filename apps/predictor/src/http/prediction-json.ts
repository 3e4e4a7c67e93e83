import type { Prediction } from '@jobcast/contracts';

/** JSON of frozen objects: parts the assembler shares between many predictions, which therefore never change. */
const sharedFragments = new WeakMap<object, string>();

function fragment(value: object | null): string {
  if (value === null || !Object.isFrozen(value)) return JSON.stringify(value);
  let json = sharedFragments.get(value);
  if (json === undefined) sharedFragments.set(value, (json = JSON.stringify(value)));
  return json;
}

/**
 * `JSON.stringify(prediction)`, with each shared part (runtime statistics, model versions, notes, whole runtime-only
 * answers) serialised once instead of once per prediction: numbers are most of the cost of a batch's JSON.
 */
export function predictionJson(prediction: Prediction): string {
  const { payloadId, jobType, instance, memory, wallclock, runtime, cost, models, notes } = prediction;
  return (
    `{"payloadId":${JSON.stringify(payloadId)},"jobType":${JSON.stringify(jobType)},"instance":${JSON.stringify(instance)},` +
    `"memory":${fragment(memory)},"wallclock":${fragment(wallclock)},"runtime":${fragment(runtime)},"cost":${fragment(cost)},` +
    `"models":${fragment(models)},"notes":${fragment(notes)}}`
  );
}

/** The batch answer `{"predictions":[…]}` as text, one piece per chunk of predictions, so it can be sent as it is made. */
export function* batchAnswerJson(chunks: Iterable<readonly Prediction[]>): Generator<string> {
  let separator = '';
  yield '{"predictions":[';
  for (const chunk of chunks) {
    if (chunk.length === 0) continue;
    yield separator + chunk.map(predictionJson).join(',');
    separator = ',';
  }
  yield ']}';
}
