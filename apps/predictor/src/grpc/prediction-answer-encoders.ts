import type { CostPrediction, InstanceCost, MemoryPrediction, Prediction, RuntimeStatistics, WallclockPrediction } from '@jobcast/contracts';
import { remembered } from '../prediction/remembered';
import { SharedPartsPrediction, type SharedParts } from '../prediction/shared-parts-prediction';
import { ProtoWriter } from './proto-writer';

/** A `PredictBatchResponse` already encoded (by the controller, a chunk of predictions at a time). */
export class EncodedPredictionBatch {
  constructor(readonly bytes: Buffer) {}
}

/** Writes one field of a message (every entry of a repeated or map field), tag included. */
type FieldWriter<T> = (writer: ProtoWriter, value: T) => void;

/** `PredictBatchResponse.predictions` */
const BATCH_PREDICTIONS = 1;
/** bytes a prediction takes, about (400–600): a writer starts at its answer's likely size rather than growing to it */
const PREDICTION_BYTES = 512;

/** An embedded message in `field`, its content written by `writeContent`. */
function messageField<T>(field: number, writeContent: FieldWriter<T>): FieldWriter<T> {
  return (writer, value) => {
    const start = writer.openMessage(field);
    writeContent(writer, value);
    writer.closeMessage(start);
  };
}

/*
 * The fields of jobcast.v1.Prediction and its messages (libs/contracts/proto/jobcast/v1/predictor.proto), written in
 * field-number order as protobufjs' generated `encode` writes them: a field is written when not null, scalars even
 * when they hold their default, repeated and map fields one entry at a time, empty ones not at all.
 */

const memoryField = messageField<MemoryPrediction>(4, (writer, memory) => {
  writer.integer(1, memory.bin);
  writer.packedDoubles(2, memory.binProbabilities);
  writer.double(3, memory.gb);
  writer.integer(4, memory.costAwareBin);
  writer.string(5, memory.costAwareInstance);
});

const wallclockField = messageField<WallclockPrediction>(5, (writer, wallclock) => {
  writer.double(1, wallclock.seconds);
  writer.double(2, wallclock.killTimeSeconds);
  writer.string(3, wallclock.source);
});

const runtimeField = messageField<RuntimeStatistics>(6, (writer, runtime) => {
  writer.double(1, runtime.mean);
  writer.double(2, runtime.stdev);
  writer.double(3, runtime.p50);
  writer.double(4, runtime.p90);
  writer.double(5, runtime.p99);
  writer.integer(6, runtime.samples);
  writer.string(7, runtime.level);
  writer.bool(8, runtime.fallback);
  writer.string(9, runtime.units);
});

const instanceCostEntry = messageField<InstanceCost>(3, (writer, cost) => {
  writer.string(1, cost.instance);
  writer.double(2, cost.usd);
  writer.double(3, cost.hourlyUsd);
});

const costField = messageField<CostPrediction>(7, (writer, cost) => {
  if (cost.expectedUsd != null) writer.double(1, cost.expectedUsd);
  if (cost.instance != null) writer.string(2, cost.instance);
  for (const perInstance of cost.perInstance) instanceCostEntry(writer, perInstance);
  writer.string(4, cost.units);
});

const modelsField: FieldWriter<Record<string, string>> = (writer, models) => {
  for (const family of Object.keys(models)) {
    const start = writer.openMessage(8);
    writer.string(1, family);
    writer.string(2, models[family]);
    writer.closeMessage(start);
  }
};

const notesField: FieldWriter<readonly string[]> = (writer, notes) => {
  for (const note of notes) writer.string(9, note);
};

/** The bytes `write` writes. */
function encoded(write: (writer: ProtoWriter) => void): Uint8Array {
  const writer = new ProtoWriter();
  write(writer);
  return writer.finish();
}

/** A field of Prediction, written unless null; a frozen value (a part the assembler shares, which never changes) is encoded once. */
class PredictionField<T extends object> {
  private readonly frozenBytes = new WeakMap<T, Uint8Array>();

  constructor(private readonly write: FieldWriter<T>) {}

  writeTo(writer: ProtoWriter, value: T | null): void {
    if (value == null) return;
    if (!Object.isFrozen(value)) return this.write(writer, value);
    writer.raw(remembered(this.frozenBytes, value, (frozen) => encoded((fresh) => this.write(fresh, frozen))));
  }
}

/**
 * Encodes predictions straight from the service's objects into one buffer per answer, with the bytes proto-loader's
 * `encode(fromObject(answer))` writes: fromObject copies every nested message and protobufjs' Writer queues an object
 * per value, which made encoding and its garbage the largest cost of a 10,000-prediction batch. Parts the assembler
 * shares between predictions (frozen: runtime statistics, model versions, notes; whole predictions but their payload
 * id) never change, so each is encoded once and copied after.
 */
export class PredictionEncoder {
  private readonly memory = new PredictionField(memoryField);
  private readonly wallclock = new PredictionField(wallclockField);
  private readonly runtime = new PredictionField(runtimeField);
  private readonly cost = new PredictionField(costField);
  private readonly models = new PredictionField(modelsField);
  private readonly notes = new PredictionField(notesField);
  /** the encoding of every field but the payload id of predictions made of shared parts */
  private readonly sharedParts = new WeakMap<SharedParts, Uint8Array>();

  /** One `Prediction` message. */
  predictionBytes(prediction: Prediction): Buffer {
    const writer = new ProtoWriter(PREDICTION_BYTES);
    this.writePrediction(writer, prediction);
    return writer.finish();
  }

  /**
   * A `PredictBatchResponse` written one chunk of predictions at a time, as the chunks are computed: the predictions
   * of a chunk are garbage once written, so a 10,000-item batch never holds them all.
   */
  batch(chunks: Iterable<readonly Prediction[]>, count: number): EncodedPredictionBatch {
    const writer = new ProtoWriter(count * PREDICTION_BYTES);
    for (const chunk of chunks) {
      for (const prediction of chunk) {
        const start = writer.openMessage(BATCH_PREDICTIONS);
        this.writePrediction(writer, prediction);
        writer.closeMessage(start);
      }
    }
    return new EncodedPredictionBatch(writer.finish());
  }

  private writePrediction(writer: ProtoWriter, prediction: Prediction): void {
    if (prediction.payloadId != null) writer.string(1, prediction.payloadId);
    const shared = SharedPartsPrediction.partsOf(prediction);
    if (shared === undefined) return this.writeAllButPayloadId(writer, prediction);
    writer.raw(remembered(this.sharedParts, shared, (parts) => encoded((fresh) => this.writeAllButPayloadId(fresh, parts))));
  }

  private writeAllButPayloadId(writer: ProtoWriter, prediction: SharedParts): void {
    writer.string(2, prediction.jobType);
    if (prediction.instance != null) writer.string(3, prediction.instance);
    this.memory.writeTo(writer, prediction.memory);
    this.wallclock.writeTo(writer, prediction.wallclock);
    this.runtime.writeTo(writer, prediction.runtime);
    this.cost.writeTo(writer, prediction.cost);
    this.models.writeTo(writer, prediction.models);
    this.notes.writeTo(writer, prediction.notes);
  }
}

let shared: PredictionEncoder | null = null;

/** The process's encoder, whose caches every call shares. */
export function predictionEncoder(): PredictionEncoder {
  return (shared ??= new PredictionEncoder());
}
