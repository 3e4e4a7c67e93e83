import type { Prediction } from '@jobcast/contracts';
import type { CalcloudFeatures } from '@jobcast/models';
import type { CalcloudAnswer } from '../models/model-ports';
import type { PredictionAssembler, ServableSnapshot } from './prediction-assembler';
import type { PredictionSubject } from './prediction-subject';

/** Predictions computed (and answered) at a time: a batch answer never holds 10,000 predictions at once. */
export const PREDICTION_CHUNK = 500;

/**
 * Inputs already validated and resolved, bound to the snapshot of the models serving when they were: every
 * prediction of one call comes from the same models, whenever it is computed. Predicted a range at a time (one
 * calcloud pass per range), so a batch answer can be serialised and sent chunk by chunk.
 */
export class PreparedPredictions {
  constructor(
    private readonly subjects: readonly PredictionSubject[],
    private readonly snapshot: ServableSnapshot,
    private readonly assembler: PredictionAssembler,
  ) {}

  get size(): number {
    return this.subjects.length;
  }

  /** Predictions of the subjects in [from, to), in order. */
  predict(from = 0, to = this.subjects.length): Prediction[] {
    const subjects = this.subjects.slice(from, to);
    const calcloud = this.calcloudAnswers(subjects);
    return subjects.map((subject, index) => this.assembler.assemble(subject, calcloud[index]));
  }

  *chunks(size = PREDICTION_CHUNK): Generator<Prediction[]> {
    for (let from = 0; from < this.subjects.length; from += size) yield this.predict(from, Math.min(from + size, this.subjects.length));
  }

  private calcloudAnswers(subjects: readonly PredictionSubject[]): (CalcloudAnswer | null)[] {
    const answers: (CalcloudAnswer | null)[] = new Array(subjects.length).fill(null);
    const model = this.snapshot.calcloud?.model;
    if (model === undefined) return answers;
    const positions: number[] = [];
    const encoded: CalcloudFeatures[] = [];
    subjects.forEach((subject, position) => {
      if (subject.calcloud === null) return;
      positions.push(position);
      encoded.push(subject.calcloud);
    });
    if (encoded.length === 0) return answers;
    const batch = model.predictBatch(encoded);
    positions.forEach((position, k) => (answers[position] = batch[k]));
    return answers;
  }
}
