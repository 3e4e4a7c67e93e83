import { isAbsolute, join } from 'node:path';
import type { PackageDefinition, ServiceDefinition } from '@grpc/proto-loader';
import { PREDICTOR_PROTO_PACKAGE, PREDICTOR_PROTO_PATH, PROTO_ROOT } from '@jobcast/contracts';
import { Root } from 'protobufjs';

/** Methods that answer with predictions built by PredictionService. */
const PREDICTION_METHODS = ['Predict', 'PredictBatch', 'PredictStream'] as const;

/**
 * proto-loader serialises an answer as `encode(fromObject(answer))`: fromObject first copies every nested message, which
 * is over a third of the CPU and most of the garbage of a 10,000-prediction batch. Predictions are already plain objects
 * with the proto's camelCase field names and proto types (numbers as numbers, no enums, null only on optional fields or
 * messages), so they are encoded as they are — the bytes are the same. Call from `onLoadPackageDefinition`.
 */
export function encodePredictionAnswersDirectly(definition: PackageDefinition): void {
  const root = new Root();
  root.resolvePath = (_origin, target) => (isAbsolute(target) ? target : join(PROTO_ROOT, target));
  root.loadSync(PREDICTOR_PROTO_PATH, { keepCase: false }).resolveAll();
  const protoService = root.lookupService(`${PREDICTOR_PROTO_PACKAGE}.Predictor`);
  const service = definition[`${PREDICTOR_PROTO_PACKAGE}.Predictor`] as ServiceDefinition;
  for (const name of PREDICTION_METHODS) {
    const answerType = protoService.methods[name].resolvedResponseType;
    if (answerType === null) throw new Error(`${PREDICTOR_PROTO_PACKAGE}.Predictor/${name}: response type not resolved`);
    service[name].responseSerialize = (answer: object) => answerType.encode(answer).finish() as Buffer;
  }
}
