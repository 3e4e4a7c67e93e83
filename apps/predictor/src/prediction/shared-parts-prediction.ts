import type { CostPrediction, MemoryPrediction, Prediction, RuntimeStatistics, WallclockPrediction } from '@jobcast/contracts';

/** Everything of a prediction but its payload id: the same (frozen) for every job of one pair without calcloud inputs. */
export type SharedParts = Readonly<Omit<Prediction, 'payloadId'>>;

/**
 * A prediction made of shared parts. To everyone else it is a plain Prediction: the same own fields in the same order
 * (the parts are a private field, which neither JSON, protobuf nor equality sees). Writers ask for the parts so they
 * encode them once for every prediction sharing them.
 */
export class SharedPartsPrediction implements Prediction {
  readonly payloadId: string | null;
  readonly jobType: string;
  readonly instance: string | null;
  readonly memory: MemoryPrediction | null;
  readonly wallclock: WallclockPrediction | null;
  readonly runtime: RuntimeStatistics | null;
  readonly cost: CostPrediction | null;
  readonly models: Record<string, string>;
  readonly notes: string[];
  readonly #parts: SharedParts;

  constructor(payloadId: string | null, parts: SharedParts) {
    this.payloadId = payloadId;
    this.jobType = parts.jobType;
    this.instance = parts.instance;
    this.memory = parts.memory;
    this.wallclock = parts.wallclock;
    this.runtime = parts.runtime;
    this.cost = parts.cost;
    this.models = parts.models;
    this.notes = parts.notes;
    this.#parts = parts;
  }

  /** The parts `prediction` is made of, when it is a SharedPartsPrediction. */
  static partsOf(prediction: Prediction): SharedParts | undefined {
    return prediction instanceof SharedPartsPrediction ? prediction.#parts : undefined;
  }
}
