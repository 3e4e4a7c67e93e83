import { isAbsolute, join } from 'node:path';
import type { PackageDefinition, ServiceDefinition } from '@grpc/proto-loader';
import { PREDICTOR_PROTO_PACKAGE, PREDICTOR_PROTO_PATH, PROTO_ROOT, type Prediction } from '@jobcast/contracts';
import { Root, Writer, type Type } from 'protobufjs';
import { remembered } from '../prediction/remembered';
import { SharedPartsPrediction, type SharedParts } from '../prediction/shared-parts-prediction';

/** Wire type of a length-delimited field (an embedded message). */
const LENGTH_DELIMITED = 2;

/** A `PredictBatchResponse` already encoded (by the controller, a chunk of predictions at a time). */
export class EncodedPredictionBatch {
  constructor(readonly bytes: Buffer) {}
}

/**
 * Encodes predictions with the proto's own types, straight from the service's objects. proto-loader serialises an
 * answer as `encode(fromObject(answer))`: fromObject first copies every nested message, which is over a third of the
 * CPU and much of the garbage of a 10,000-prediction batch. Predictions are already plain objects with the proto's
 * camelCase field names and proto types (numbers as numbers, no enums, null only on optional fields or messages),
 * so they are encoded as they are — the bytes are the same.
 */
export class PredictionEncoder {
  readonly service: ReturnType<Root['lookupService']>;
  private readonly prediction: Type;
  private readonly batchTag: number;
  /** Prediction's field names in field-number order, the order `encode` writes them in */
  private readonly fieldNames: string[];
  /** per field, the encoding of each frozen value: parts the assembler shares between predictions, which never change */
  private readonly sharedFields = new Map<string, WeakMap<object, Uint8Array>>();
  /** by message length, the tag and length that open a prediction in a batch answer */
  private readonly batchEntryOpenings = new Map<number, Uint8Array>();
  /** the encoding of every field but the payload id (field 1, written first) of predictions made of shared parts */
  private readonly sharedParts = new WeakMap<SharedParts, Uint8Array>();

  constructor() {
    const root = new Root();
    root.resolvePath = (_origin, target) => (isAbsolute(target) ? target : join(PROTO_ROOT, target));
    root.loadSync(PREDICTOR_PROTO_PATH, { keepCase: false }).resolveAll();
    this.service = root.lookupService(`${PREDICTOR_PROTO_PACKAGE}.Predictor`);
    const field = this.answerType('PredictBatch').fields['predictions'];
    this.prediction = field.resolvedType as Type;
    this.batchTag = (field.id << 3) | LENGTH_DELIMITED;
    this.fieldNames = [...this.prediction.fieldsArray].sort((a, b) => a.id - b.id).map((predictionField) => predictionField.name);
    for (const name of this.fieldNames) this.sharedFields.set(name, new WeakMap());
  }

  answerType(method: string): Type {
    const type = this.service.methods[method].resolvedResponseType;
    if (type === null) throw new Error(`${PREDICTOR_PROTO_PACKAGE}.Predictor/${method}: response type not resolved`);
    return type;
  }

  /** One `Prediction` message. */
  predictionBytes(prediction: Prediction): Buffer {
    return Buffer.concat(this.predictionParts(prediction));
  }

  /**
   * A `PredictBatchResponse` written one chunk of predictions at a time (tag, length, bytes for each — what `encode`
   * of the whole message writes), as the chunks are computed: neither all predictions nor one writer holding ~60
   * operations per prediction live until the end, which kept 10,000-item batches in memory.
   */
  batch(chunks: Iterable<readonly Prediction[]>): EncodedPredictionBatch {
    const parts: Uint8Array[] = [];
    for (const chunk of chunks) {
      const chunkParts: Uint8Array[] = [];
      for (const prediction of chunk) {
        const fields = this.predictionParts(prediction);
        let length = 0;
        for (const bytes of fields) length += bytes.length;
        chunkParts.push(this.batchEntryOpening(length), ...fields);
      }
      parts.push(Buffer.concat(chunkParts));
    }
    return new EncodedPredictionBatch(Buffer.concat(parts));
  }

  /**
   * A prediction's bytes in pieces. `encode` writes each field on its own in field-number order, so a message's bytes
   * are the concatenation of its fields' encodings: runs of fresh fields are encoded together, frozen values (shared
   * runtime statistics, model versions, notes) once per value, and all fields but the payload id of a prediction made
   * of shared parts (a runtime-only answer) once per set of parts.
   */
  private predictionParts(prediction: Prediction): Uint8Array[] {
    const shared = SharedPartsPrediction.partsOf(prediction);
    if (shared !== undefined) return [this.prediction.encode({ payloadId: prediction.payloadId }).finish(), this.sharedPartsBytes(shared)];
    const parts: Uint8Array[] = [];
    let fresh: Record<string, unknown> | null = null;
    for (const name of this.fieldNames) {
      const value = (prediction as unknown as Record<string, unknown>)[name];
      if (typeof value === 'object' && value !== null && Object.isFrozen(value)) {
        if (fresh !== null) parts.push(this.prediction.encode(fresh).finish());
        fresh = null;
        parts.push(this.sharedField(name, value));
      } else {
        (fresh ??= {})[name] = value;
      }
    }
    if (fresh !== null) parts.push(this.prediction.encode(fresh).finish());
    return parts;
  }

  /** The tag and length opening one prediction of a batch answer; kept per length, as predictions are of few lengths. */
  private batchEntryOpening(length: number): Uint8Array {
    return remembered(this.batchEntryOpenings, length, (fresh) => Writer.create().uint32(this.batchTag).uint32(fresh).finish());
  }

  private sharedPartsBytes(shared: SharedParts): Uint8Array {
    return remembered(this.sharedParts, shared, (fresh) => this.prediction.encode(fresh).finish());
  }

  private sharedField(name: string, value: object): Uint8Array {
    return remembered(this.sharedFields.get(name)!, value, (fresh) => this.prediction.encode({ [name]: fresh }).finish());
  }
}

let shared: PredictionEncoder | null = null;

/** The process's encoder: the proto never changes, so it is read once. */
export function predictionEncoder(): PredictionEncoder {
  return (shared ??= new PredictionEncoder());
}

/** Makes the Predict, PredictStream and PredictBatch answers encode directly. Call from `onLoadPackageDefinition`. */
export function encodePredictionAnswersDirectly(definition: PackageDefinition): void {
  const encoder = predictionEncoder();
  const service = definition[`${PREDICTOR_PROTO_PACKAGE}.Predictor`] as ServiceDefinition;
  service['Predict'].responseSerialize = (answer: object) => encoder.predictionBytes(answer as Prediction);
  const streamAnswer = encoder.answerType('PredictStream');
  service['PredictStream'].responseSerialize = (answer: object) => streamAnswer.encode(answer).finish() as Buffer;
  service['PredictBatch'].responseSerialize = (answer: object) =>
    answer instanceof EncodedPredictionBatch ? answer.bytes : encoder.batch([(answer as { predictions: Prediction[] }).predictions]).bytes;
}
