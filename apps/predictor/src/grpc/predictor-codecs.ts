import { isAbsolute, join } from 'node:path';
import type { PackageDefinition, ServiceDefinition } from '@grpc/proto-loader';
import { PREDICTOR_PROTO_PACKAGE, PREDICTOR_PROTO_PATH, PROTO_ROOT, type Prediction } from '@jobcast/contracts';
import { Root, type Type } from 'protobufjs';
import { EncodedPredictionBatch, predictionEncoder } from './prediction-answer-encoders';

/** The proto's Predictor service as protobufjs reads it (camelCase names, as proto-loader's `keepCase: false`). */
function predictorService(): ReturnType<Root['lookupService']> {
  const root = new Root();
  root.resolvePath = (_origin, target) => (isAbsolute(target) ? target : join(PROTO_ROOT, target));
  root.loadSync(PREDICTOR_PROTO_PATH, { keepCase: false }).resolveAll();
  return root.lookupService(`${PREDICTOR_PROTO_PACKAGE}.Predictor`);
}

function resolved(type: Type | null, what: string): Type {
  if (type === null) throw new Error(`${PREDICTOR_PROTO_PACKAGE}.Predictor/${what} not resolved`);
  return type;
}

/**
 * Makes the Predict, PredictStream and PredictBatch calls decode and encode without proto-loader's object copies.
 * Requests: proto-loader decodes then copies each message into a plain object (`toObject`); the controller reads the
 * decoded messages as they are (`bodyOfGrpcRequest` reads both). Answers: `PredictionEncoder` writes the service's
 * predictions directly, and the controller hands PredictBatch an answer it already encoded. Call from
 * `onLoadPackageDefinition`.
 */
export function usePredictorCodecs(definition: PackageDefinition): void {
  const proto = predictorService();
  const encoder = predictionEncoder();
  const service = definition[`${PREDICTOR_PROTO_PACKAGE}.Predictor`] as ServiceDefinition;
  for (const method of ['Predict', 'PredictStream', 'PredictBatch']) {
    const request = resolved(proto.methods[method].resolvedRequestType, `${method} request`);
    service[method].requestDeserialize = (bytes: Buffer) => request.decode(bytes);
  }
  service['Predict'].responseSerialize = (answer: object) => encoder.predictionBytes(answer as Prediction);
  const streamAnswer = resolved(proto.methods['PredictStream'].resolvedResponseType, 'PredictStream response');
  service['PredictStream'].responseSerialize = (answer: object) => streamAnswer.encode(answer).finish() as Buffer;
  service['PredictBatch'].responseSerialize = (answer: object) => {
    if (answer instanceof EncodedPredictionBatch) return answer.bytes;
    const { predictions } = answer as { predictions: Prediction[] };
    return encoder.batch([predictions], predictions.length).bytes;
  };
}
