import { Inject, Injectable } from '@nestjs/common';
import type { InputIssue, Prediction, PredictionInput, WallclockPrediction } from '@jobcast/contracts';
import { parsePredictionInput } from '@jobcast/contracts';
import type { CalcloudFeatures } from '@jobcast/models';
import type { CalcloudAnswer } from '../models/model-ports';
import { ServingModels, type ModelSnapshot } from '../models/serving-models.service';
import { costOf } from './cost';
import { InvalidInputError, ModelsUnavailableError, issuesAtIndex } from './prediction.errors';
import { JOB_STATUS_NORMALIZER, type JobStatusNormalizer } from './job-status-normalizer.port';
import { resolveSubject, type PredictionSubject } from './prediction-subject';
import { toStatistics } from './runtime-statistics';

const MIN_KILL_SECONDS = 60; // AWS Batch's minimum timeout
const MAX_KILL_SECONDS = 48 * 3600;
const ANY = '*';

/**
 * Answers prediction requests from the models serving right now. Transport-free: HTTP, gRPC and Kafka all call it,
 * which is what makes their answers identical. Synchronous on purpose: one snapshot of the models per call,
 * one batched calcloud pass for all inputs that carry calcloud keywords.
 */
@Injectable()
export class PredictionService {
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

  /** Validates every body first (an error names `<prefix>.<index>.<field>`), then predicts all in one pass. */
  predictBodies(bodies: readonly unknown[], prefix = 'items'): Prediction[] {
    const inputs: PredictionInput[] = [];
    const issues: InputIssue[] = [];
    bodies.forEach((body, index) => {
      const parsed = parsePredictionInput(body);
      if (parsed.ok) inputs.push(parsed.input);
      else issues.push(...issuesAtIndex(index, parsed.issues, prefix));
    });
    if (issues.length > 0) throw new InvalidInputError(issues);
    return this.predictInputs(inputs, prefix);
  }

  predictInputs(inputs: readonly PredictionInput[], prefix = 'items'): Prediction[] {
    const subjects = inputs.map((input, index) => {
      const resolved = resolveSubject(input, this.normalize);
      if (!resolved.ok) throw new InvalidInputError(inputs.length === 1 ? resolved.issues : issuesAtIndex(index, resolved.issues, prefix));
      return resolved.subject;
    });
    const snapshot = this.models.snapshot();
    if (snapshot.runtime === null) throw new ModelsUnavailableError('the runtime model is not loaded yet');
    const calcloudAnswers = this.calcloudAnswers(subjects, snapshot);
    return subjects.map((subject, index) => this.assemble(subject, calcloudAnswers[index], snapshot));
  }

  private calcloudAnswers(subjects: readonly PredictionSubject[], snapshot: ModelSnapshot): (CalcloudAnswer | null)[] {
    const answers: (CalcloudAnswer | null)[] = new Array(subjects.length).fill(null);
    if (snapshot.calcloud === null) return answers;
    const positions: number[] = [];
    const encoded: CalcloudFeatures[] = [];
    for (let i = 0; i < subjects.length; i++) {
      const calcloud = subjects[i].calcloud;
      if (calcloud !== null) {
        positions.push(i);
        encoded.push(calcloud);
      }
    }
    if (encoded.length === 0) return answers;
    const batch = snapshot.calcloud.model.predictBatch(encoded);
    positions.forEach((position, k) => (answers[position] = batch[k]));
    return answers;
  }

  private assemble(subject: PredictionSubject, calcloud: CalcloudAnswer | null, snapshot: ModelSnapshot): Prediction {
    const runtimeFamily = snapshot.runtime!;
    const { runtime: runtimeModel, prices } = runtimeFamily.model;
    const notes: string[] = [];
    const models: Record<string, string> = { runtime: runtimeFamily.version, prices: prices.version };
    if (snapshot.calcloud !== null) models['calcloud'] = snapshot.calcloud.version;

    const instance = subject.instance ?? calcloud?.costAwareInstance ?? ANY;
    const runtimeAnswer = runtimeModel.estimate(subject.jobType, instance);
    const runtime = toStatistics(runtimeAnswer);
    if (runtime.fallback) notes.push(`runtime: no history for (${subject.jobType}, ${instance}); answered at level ${runtime.level}`);

    if (subject.calcloudProblem !== null) notes.push(`memory: calcloud inputs could not be encoded: ${subject.calcloudProblem}`);
    else if (subject.calcloud === null) notes.push('memory: needs calcloud keywords (dataset, n_files, total_mb)');
    else if (calcloud === null) notes.push('memory: the calcloud model is not loaded');

    const wallclock: WallclockPrediction = calcloud
      ? { seconds: calcloud.wallclockSeconds, killTimeSeconds: calcloud.killTimeSeconds, source: 'calcloud' }
      : { seconds: runtime.p50, killTimeSeconds: clampKill(runtime.p99), source: 'runtime' };

    const candidates = calcloud ? [calcloud.costAwareInstance] : runtimeModel.instancesFor(subject.jobType);
    const secondsOn = (candidate: string) =>
      calcloud ? calcloud.wallclockSeconds : candidate === instance ? runtimeAnswer.mean : runtimeModel.estimate(subject.jobType, candidate).mean;
    const ownInstance = subject.instance === null ? [] : [subject.instance];
    const cost = costOf([...ownInstance, ...candidates], secondsOn, prices, subject.instance, calcloud?.costAwareInstance ?? null);
    if (cost.expectedUsd === null) notes.push('cost: no price for any candidate instance');

    return {
      payloadId: subject.payloadId,
      jobType: subject.jobType,
      instance: subject.instance,
      memory: calcloud && {
        bin: calcloud.memBin,
        binProbabilities: [...calcloud.binProbs],
        gb: calcloud.memoryGb,
        costAwareBin: calcloud.costAwareBin,
        costAwareInstance: calcloud.costAwareInstance,
      },
      wallclock,
      runtime,
      cost,
      models,
      notes,
    };
  }
}

/** A runtime-based kill time: the 99th percentile, kept inside AWS Batch's bounds. */
function clampKill(seconds: number): number {
  return Math.min(Math.max(seconds, MIN_KILL_SECONDS), MAX_KILL_SECONDS);
}
