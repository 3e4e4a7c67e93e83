import { Inject, Injectable } from '@nestjs/common';
import type { InputIssue, Prediction, PredictionInput } from '@jobcast/contracts';
import { parsePredictionInput } from '@jobcast/contracts';
import { ServingModels, type ModelSnapshot } from '../models/serving-models.service';
import { InvalidInputError, ModelsUnavailableError, issuesAtIndex } from './prediction.errors';
import { JOB_STATUS_NORMALIZER, type JobStatusNormalizer } from './job-status-normalizer.port';
import { PredictionAssembler, type ServableSnapshot } from './prediction-assembler';
import { resolveSubject, type PredictionSubject } from './prediction-subject';
import { PreparedPredictions } from './prepared-predictions';
import { remembered } from './remembered';

/**
 * Answers prediction requests from the models serving right now. Transport-free: HTTP, gRPC and Kafka all call it,
 * which is what makes their answers identical. Synchronous on purpose: one snapshot of the models per call,
 * one batched calcloud pass per range of inputs that carry calcloud keywords.
 */
@Injectable()
export class PredictionService {
  /** one assembler (and its caches) per snapshot, dropped with the snapshot when models are swapped */
  private readonly assemblers = new WeakMap<ModelSnapshot, PredictionAssembler>();

  constructor(
    private readonly models: ServingModels,
    @Inject(JOB_STATUS_NORMALIZER) private readonly normalize: JobStatusNormalizer,
  ) {}

  /** Validates a raw body (HTTP JSON, a Kafka document) and predicts it; throws InvalidInputError naming the field. */
  predictBody(body: unknown): Prediction {
    const parsed = parsePredictionInput(body);
    if (!parsed.ok) throw new InvalidInputError(parsed.issues);
    return this.predictInputs([parsed.input])[0];
  }

  /**
   * Validates every body first (an error names `<prefix>.<index>.<field>`) and binds them to the models serving now;
   * the caller then predicts them, all at once or in chunks.
   */
  prepareBodies(bodies: readonly unknown[], prefix = 'items'): PreparedPredictions {
    const inputs: PredictionInput[] = [];
    const issues: InputIssue[] = [];
    bodies.forEach((body, index) => {
      const parsed = parsePredictionInput(body);
      if (parsed.ok) inputs.push(parsed.input);
      else issues.push(...issuesAtIndex(index, parsed.issues, prefix));
    });
    if (issues.length > 0) throw new InvalidInputError(issues);
    return this.prepareInputs(inputs, prefix);
  }

  predictInputs(inputs: readonly PredictionInput[], prefix = 'items'): Prediction[] {
    return this.prepareInputs(inputs, prefix).predict();
  }

  private prepareInputs(inputs: readonly PredictionInput[], prefix: string): PreparedPredictions {
    const subjects = inputs.map((input, index): PredictionSubject => {
      const resolved = resolveSubject(input, this.normalize);
      if (!resolved.ok) throw new InvalidInputError(inputs.length === 1 ? resolved.issues : issuesAtIndex(index, resolved.issues, prefix));
      return resolved.subject;
    });
    const snapshot = this.models.snapshot();
    if (snapshot.runtime === null) throw new ModelsUnavailableError('the runtime model is not loaded yet');
    return new PreparedPredictions(subjects, snapshot as ServableSnapshot, this.assemblerFor(snapshot as ServableSnapshot));
  }

  private assemblerFor(snapshot: ServableSnapshot): PredictionAssembler {
    return remembered(this.assemblers, snapshot, () => new PredictionAssembler(snapshot));
  }
}
