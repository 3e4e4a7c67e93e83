import type { Prediction, RuntimeStatistics, WallclockPrediction } from '@jobcast/contracts';
import type { CalcloudAnswer, RuntimeAnswer } from '../models/model-ports';
import type { ModelSnapshot } from '../models/serving-models.service';
import { costOf } from './cost';
import { deepFreeze } from './deep-freeze';
import { PairCache } from './pair-cache';
import type { PredictionSubject } from './prediction-subject';
import { toStatistics } from './runtime-statistics';
import { SharedPartsPrediction, type SharedParts } from './shared-parts-prediction';

const MIN_KILL_SECONDS = 60; // AWS Batch's minimum timeout
const MAX_KILL_SECONDS = 48 * 3600;
const ANY = '*';
/** Most (job type, instance) pairs whose shared parts are kept per snapshot of the models. */
const MAX_CACHED_PAIRS = 20_000;

/** What every prediction for one (job type, instance) pair shares: the runtime answer, its statistics and its note. */
interface RuntimeParts {
  answer: RuntimeAnswer;
  statistics: RuntimeStatistics;
  notes: readonly string[];
}

/** A snapshot whose runtime family is loaded: what every prediction needs. */
export type ServableSnapshot = ModelSnapshot & { runtime: NonNullable<ModelSnapshot['runtime']> };

/**
 * Turns a subject and its calcloud answer into a prediction, for one snapshot of the models. The parts many
 * predictions share (runtime statistics and notes of a pair, the model versions, whole predictions of jobs without
 * calcloud inputs) are built once and frozen, so a batch neither recomputes nor re-allocates them, and the JSON and
 * protobuf writers encode each of them once.
 */
export class PredictionAssembler {
  private readonly models: Readonly<Record<string, string>>;
  private readonly runtimeParts = new PairCache<RuntimeParts>(MAX_CACHED_PAIRS);
  /** a prediction without calcloud inputs: everything but the payload id depends on (job type, instance) only */
  private readonly runtimeOnly = new PairCache<SharedParts>(MAX_CACHED_PAIRS);

  constructor(private readonly snapshot: ServableSnapshot) {
    const { runtime, calcloud } = snapshot;
    const models: Record<string, string> = { runtime: runtime.version, prices: runtime.model.prices.version };
    if (calcloud !== null) models['calcloud'] = calcloud.version;
    this.models = deepFreeze(models);
  }

  assemble(subject: PredictionSubject, calcloud: CalcloudAnswer | null): Prediction {
    if (calcloud === null && subject.calcloud === null && subject.calcloudProblem === null) {
      const parts = this.runtimeOnly.get(subject.jobType, subject.instance, () => {
        const { payloadId: _payloadId, ...shared } = this.build(subject, null);
        return deepFreeze(shared);
      });
      return new SharedPartsPrediction(subject.payloadId, parts);
    }
    return this.build(subject, calcloud);
  }

  private build(subject: PredictionSubject, calcloud: CalcloudAnswer | null): Prediction {
    const { runtime: runtimeModel, prices } = this.snapshot.runtime.model;
    const instance = subject.instance ?? calcloud?.costAwareInstance ?? ANY;
    const runtime = this.runtimePartsOf(subject.jobType, instance);
    const notes: string[] = [];
    if (subject.calcloudProblem !== null) notes.push(`memory: calcloud inputs could not be encoded: ${subject.calcloudProblem}`);
    else if (subject.calcloud === null) notes.push('memory: needs calcloud keywords (dataset, n_files, total_mb)');
    else if (calcloud === null) notes.push('memory: the calcloud model is not loaded');

    const wallclock: WallclockPrediction = calcloud
      ? { seconds: calcloud.wallclockSeconds, killTimeSeconds: calcloud.killTimeSeconds, source: 'calcloud' }
      : { seconds: runtime.statistics.p50, killTimeSeconds: clampKill(runtime.statistics.p99), source: 'runtime' };

    const candidates = calcloud ? [calcloud.costAwareInstance] : runtimeModel.instancesFor(subject.jobType);
    const secondsOn = (candidate: string) =>
      calcloud ? calcloud.wallclockSeconds : candidate === instance ? runtime.answer.mean : runtimeModel.estimate(subject.jobType, candidate).mean;
    const ownInstance = subject.instance === null ? [] : [subject.instance];
    const cost = costOf([...ownInstance, ...candidates], secondsOn, prices, subject.instance, calcloud?.costAwareInstance ?? null);
    if (cost.expectedUsd === null) notes.push('cost: no price for any candidate instance');

    return {
      payloadId: subject.payloadId,
      jobType: subject.jobType,
      instance: subject.instance,
      memory: calcloud && {
        bin: calcloud.memBin,
        binProbabilities: calcloud.binProbs.slice(),
        gb: calcloud.memoryGb,
        costAwareBin: calcloud.costAwareBin,
        costAwareInstance: calcloud.costAwareInstance,
      },
      wallclock,
      runtime: runtime.statistics,
      cost,
      models: this.models,
      notes: notes.length === 0 ? (runtime.notes as string[]) : [...runtime.notes, ...notes],
    };
  }

  private runtimePartsOf(jobType: string, instance: string): RuntimeParts {
    return this.runtimeParts.get(jobType, instance, () => {
      const answer = this.snapshot.runtime.model.runtime.estimate(jobType, instance);
      const statistics = toStatistics(answer);
      const notes = statistics.fallback ? [`runtime: no history for (${jobType}, ${instance}); answered at level ${statistics.level}`] : [];
      return { answer, statistics: deepFreeze(statistics), notes: deepFreeze(notes) };
    });
  }
}

/** A runtime-based kill time: the 99th percentile, kept inside AWS Batch's bounds. */
function clampKill(seconds: number): number {
  return Math.min(Math.max(seconds, MIN_KILL_SECONDS), MAX_KILL_SECONDS);
}
