import { isAbsolute, join } from 'node:path';
import type { PackageDefinition, ServiceDefinition } from '@grpc/proto-loader';
import { PREDICTOR_PROTO_PACKAGE, PREDICTOR_PROTO_PATH, PROTO_ROOT } from '@jobcast/contracts';
import { Root, Writer, type Type } from 'protobufjs';

/** Wire type of a length-delimited field (an embedded message). */
const LENGTH_DELIMITED = 2;

/**
 * proto-loader serialises an answer as `encode(fromObject(answer))`: fromObject first copies every nested message, which
 * is over a third of the CPU and much of the garbage of a 10,000-prediction batch. Predictions are already plain objects
 * with the proto's camelCase field names and proto types (numbers as numbers, no enums, null only on optional fields or
 * messages), so they are encoded as they are — the bytes are the same. Call from `onLoadPackageDefinition`.
 */
export function encodePredictionAnswersDirectly(definition: PackageDefinition): void {
  const root = new Root();
  root.resolvePath = (_origin, target) => (isAbsolute(target) ? target : join(PROTO_ROOT, target));
  root.loadSync(PREDICTOR_PROTO_PATH, { keepCase: false }).resolveAll();
  const protoService = root.lookupService(`${PREDICTOR_PROTO_PACKAGE}.Predictor`);
  const service = definition[`${PREDICTOR_PROTO_PACKAGE}.Predictor`] as ServiceDefinition;
  const answerType = (method: string): Type => {
    const type = protoService.methods[method].resolvedResponseType;
    if (type === null) throw new Error(`${PREDICTOR_PROTO_PACKAGE}.Predictor/${method}: response type not resolved`);
    return type;
  };
  for (const method of ['Predict', 'PredictStream']) {
    const type = answerType(method);
    service[method].responseSerialize = (answer: object) => type.encode(answer).finish() as Buffer;
  }
  service['PredictBatch'].responseSerialize = batchEncoder(answerType('PredictBatch'));
}

/**
 * A batch is written one prediction at a time (tag, length, bytes — what `encode` of the whole message writes), so each
 * prediction's encoding work is short-lived garbage instead of one writer holding ~60 operations per prediction until
 * the end, which pushed 10,000-item batches into the old generation and the process's resident memory up.
 */
function batchEncoder(batchType: Type): (answer: object) => Buffer {
  const field = batchType.fields['predictions'];
  const predictionType = field.resolvedType as Type;
  const tag = (field.id << 3) | LENGTH_DELIMITED;
  return (answer) => {
    const parts: Uint8Array[] = [];
    for (const prediction of (answer as { predictions: object[] }).predictions) {
      const bytes = predictionType.encode(prediction).finish();
      parts.push(Writer.create().uint32(tag).uint32(bytes.length).finish(), bytes);
    }
    return Buffer.concat(parts);
  };
}
