import { planArrivals, type ArrivalPlan } from './arrival-process';
import { calcloudJobType } from '../calcloud/calcloud-instruments';
import { hstMemoryBins, sampleHstCalibrationJob, hstMemoryBin } from './hst-calibration';
import { instanceType } from './instance-types';
import { jobCatalog, queueInstances, type JobProfile } from './job-catalog';
import { SeededRandom, WeightedChoice } from './random';
import type { AttemptOutcome, DocumentQuirks, SimulatedAttempt, SimulatedJob, WorkerHost } from './simulated-job';
import { WorkerPool } from './worker-pool';

export interface SimulationSettings {
  readonly jobs: number;
  readonly seed: number;
  /** Epoch ms of the first submission window. */
  readonly start: number;
  readonly days: number;
}

/** One entry of the submission mix: a HySDS job type, or the HST calibration family (its own keyword model). */
type JobKind = { readonly kind: 'hysds'; readonly profile: JobProfile } | { readonly kind: 'hst' };

const hstWeight = 12;
/** Average busy share of each queue's workers outside bursts; the daily peak and bursts push queues past 1. */
const targetUtilization = 0.65;
const maxAttempts = 3;
/** Share of an instance's memory a job can use before the kernel kills it. */
const usableMemoryShare = 0.92;
const gb = 1024 ** 3;
const mb = 1024 ** 2;

/** Per (job type, instance type): how much faster or slower than the instance's nominal speed, and how much wider the runtime spread. */
interface Affinity {
  readonly speedFactor: number;
  readonly sigmaFactor: number;
}

/** What a job needs regardless of where it runs. */
interface Demand {
  readonly inputBytes: number[];
  readonly outputBytes: number[];
  /** Input size relative to the type's typical input (1 for jobs without inputs). */
  readonly sizeFactor: number;
  readonly memoryGb: number;
  /** Standard normal draw fixing how slow this job is within its type (shared by its retries). */
  readonly slowness: number;
  readonly params: Record<string, unknown>;
}

/**
 * Simulates a HySDS deployment: submissions (daily cycle and bursts) go to per-queue worker pools sized for the usual
 * load, run on the queue's instance types, sometimes fail (out of memory, errors, time limit) and are retried with the
 * same payload_id. Whatever has not started or finished when the history ends is left waiting or running.
 */
export class HistorySimulator {
  private readonly random: SeededRandom;
  private readonly kinds: JobKind[];
  private readonly plan: ArrivalPlan;
  private readonly kindChoice: WeightedChoice<JobKind>;
  private readonly pools = new Map<string, WorkerPool>();
  private readonly instanceChoice = new Map<string, WeightedChoice<string>>();
  private readonly affinities = new Map<string, Affinity>();
  /** The moment the history ends: the last submission. */
  readonly endsAt: number;

  constructor(private readonly settings: SimulationSettings) {
    this.random = new SeededRandom(settings.seed);
    this.kinds = [...jobCatalog.map((profile): JobKind => ({ kind: 'hysds', profile })), { kind: 'hst' }];
    const weights = this.kinds.map((k) => (k.kind === 'hst' ? hstWeight : k.profile.weight));
    this.kindChoice = new WeightedChoice(this.kinds, weights);
    for (const [queue, instances] of Object.entries(queueInstances)) {
      this.instanceChoice.set(queue, new WeightedChoice(instances.map(([name]) => name), instances.map(([, w]) => w)));
    }
    // The closing burst floods one of the types that keep their queue busiest, so a real backlog is left at the end.
    const closingBurstTypes = this.kinds
      .map((k, i) => ({ i, load: k.kind === 'hysds' ? k.profile.weight * k.profile.runtimeMedianSeconds : 0 }))
      .sort((a, b) => b.load - a.load)
      .slice(0, 5)
      .map(({ i }) => i);
    this.plan = planArrivals(this.random, { jobs: settings.jobs, start: settings.start, days: settings.days, typeWeights: weights, closingBurstTypes });
    this.endsAt = settings.jobs > 0 ? this.plan.times[settings.jobs - 1] : settings.start;
    this.sizeWorkerPools(weights);
  }

  /** Workers per queue, as the queue's time-cost without bursts needs at the target utilization. */
  workersPerQueue(): ReadonlyMap<string, number> {
    return new Map([...this.pools].map(([queue, pool]) => [queue, pool.workers]));
  }

  *jobs(): Generator<SimulatedJob> {
    for (let i = 0; i < this.settings.jobs; i++) {
      const forced = this.plan.burstType[i];
      const kind = forced >= 0 ? this.kinds[forced] : this.kindChoice.pick(this.random);
      yield this.simulateJob(kind, this.plan.times[i]);
    }
  }

  private simulateJob(kind: JobKind, submittedAt: number): SimulatedJob {
    const random = this.random;
    const common = {
      payloadId: random.uuid(),
      payloadHash: random.hex(32),
      submittedAt,
      priority: random.chance(0.8) ? 5 : random.int(0, 9),
      username: random.chance(0.85) ? 'ops' : random.pick(['hysdsops', 'jdoe', 'asmith']),
      tags: random.chance(0.3) ? [random.pick(['forward', 'reprocessing', 'urgent-response', 'campaign-2026'])] : [],
      quirks: this.sampleQuirks(),
    };
    const disposition = random.next();
    if (disposition < 0.003) return Object.assign(common, this.describeWithoutRun(kind), { disposition: 'deduped' as const, revokedAt: null, attempts: [] });
    if (disposition < 0.005) {
      const revokedAt = submittedAt + random.uniform(60, 3600) * 1000;
      if (revokedAt <= this.endsAt) return Object.assign(common, this.describeWithoutRun(kind), { disposition: 'revoked' as const, revokedAt, attempts: [] });
    }
    return Object.assign(common, kind.kind === 'hst' ? this.simulateHstJob(submittedAt) : this.simulateHysdsJob(kind.profile, submittedAt));
  }

  private describeWithoutRun(kind: JobKind): Pick<SimulatedJob, 'type' | 'queue' | 'timeLimitSeconds' | 'params' | 'inputBytes' | 'outputBytes'> {
    if (kind.kind === 'hst') {
      const hst = sampleHstCalibrationJob(this.random);
      const queue = hstMemoryBins[hstMemoryBin(hst.memoryGb)].queue;
      return { type: calcloudJobType(hst.instrument), queue, timeLimitSeconds: hstTimeLimit(hst.wallclockSeconds), params: hst.params, inputBytes: [], outputBytes: [] };
    }
    const demand = this.sampleDemand(kind.profile);
    return { type: kind.profile.type, queue: kind.profile.queue, timeLimitSeconds: timeLimit(kind.profile), params: demand.params, inputBytes: [], outputBytes: [] };
  }

  private simulateHysdsJob(profile: JobProfile, submittedAt: number): Omit<SimulatedJob, keyof CommonFields> {
    const random = this.random;
    const demand = this.sampleDemand(profile);
    const limit = timeLimit(profile);
    const attempts: SimulatedAttempt[] = [];
    let instance = this.instanceChoice.get(profile.queue)!.pick(random);
    let readyAt = submittedAt;
    for (;;) {
      const affinity = this.affinity(profile.type, instance);
      const machine = instanceType(instance);
      const fullCommand =
        ((profile.runtimeMedianSeconds * affinity.speedFactor) / machine.speed) *
        Math.pow(demand.sizeFactor, 0.6) *
        Math.exp(profile.runtimeSigma * affinity.sigmaFactor * demand.slowness + 0.05 * random.normal());
      const totalInput = sum(demand.inputBytes);
      const localizeSeconds = totalInput > 0 ? 1 + totalInput / (random.uniform(60, 250) * mb) : 0;
      const usableGb = machine.memoryGb * usableMemoryShare;
      let outcome: AttemptOutcome;
      let commandSeconds = fullCommand;
      let exitCode: number | null;
      let peakGb = demand.memoryGb;
      if (demand.memoryGb > usableGb) {
        outcome = 'out-of-memory';
        commandSeconds = fullCommand * random.uniform(0.15, 0.9);
        exitCode = 137;
        peakGb = usableGb * random.uniform(0.99, 1);
      } else if (fullCommand + localizeSeconds > limit) {
        outcome = 'timeout';
        commandSeconds = Math.max(1, limit - localizeSeconds);
        exitCode = null;
      } else if (random.chance(profile.errorRate)) {
        outcome = 'error';
        commandSeconds = fullCommand * random.uniform(0.02, 1);
        exitCode = random.pick([1, 1, 1, 1, 2, 255, 139]);
      } else if (random.chance(0.001)) {
        outcome = 'offline';
        commandSeconds = fullCommand * random.uniform(0.05, 0.95);
        exitCode = null;
      } else {
        outcome = 'completed';
        exitCode = 0;
      }
      const stageSeconds = outcome === 'completed' && demand.outputBytes.length > 0 ? 1 + sum(demand.outputBytes) / (random.uniform(80, 300) * mb) : 0;
      const attempt = this.runAttempt({
        queue: profile.queue,
        instance,
        readyAt,
        outcome,
        exitCode,
        localizeSeconds,
        commandSeconds,
        stageSeconds,
        peakMemoryBytes: Math.round(peakGb * gb),
      });
      attempts.push(attempt);
      const retryOn = this.retryInstance(profile.queue, instance, attempt);
      if (retryOn === null || attempts.length >= maxAttempts) break;
      instance = retryOn;
      readyAt = attempt.endedAt! + random.uniform(60, 900) * 1000;
    }
    return { type: profile.type, queue: profile.queue, disposition: 'run', revokedAt: null, timeLimitSeconds: limit, params: demand.params, inputBytes: demand.inputBytes, outputBytes: demand.outputBytes, attempts };
  }

  /** Out-of-memory jobs are usually resubmitted on the queue's biggest instance; plain errors sometimes on any. */
  private retryInstance(queue: string, instance: string, attempt: SimulatedAttempt): string | null {
    if (attempt.outcome === 'out-of-memory') {
      const biggest = queueInstances[queue].map(([name]) => name).reduce((a, b) => (instanceType(b).memoryGb > instanceType(a).memoryGb ? b : a));
      return biggest !== instance && this.random.chance(0.7) ? biggest : null;
    }
    if (attempt.outcome === 'error' && this.random.chance(0.25)) return this.instanceChoice.get(queue)!.pick(this.random);
    return null;
  }

  /**
   * calcloud submits each dataset to the memory bin its model predicts; a wrong low guess runs out of memory and is
   * resubmitted one bin higher (up to the top bin), as calcloud's retry ladder does.
   */
  private simulateHstJob(submittedAt: number): Omit<SimulatedJob, keyof CommonFields> {
    const random = this.random;
    const hst = sampleHstCalibrationJob(random);
    const trueBin = hstMemoryBin(hst.memoryGb);
    const guess = random.next();
    const firstBin = guess < 0.045 ? Math.max(0, trueBin - 1) : guess < 0.08 ? Math.min(3, trueBin + 1) : trueBin;
    let bin = firstBin;
    const totalBytes = Math.round(hst.params.total_mb * mb);
    const inputBytes = split(random, totalBytes, hst.params.n_files);
    const outputBytes = split(random, Math.round(totalBytes * random.uniform(1.2, 2.5)), random.int(2, 4));
    const localizeSeconds = Math.min(hst.wallclockSeconds * 0.2, 1 + hst.params.total_mb / random.uniform(80, 200));
    const stageSeconds = Math.min(hst.wallclockSeconds * 0.1, 1 + (sum(outputBytes) / mb) / random.uniform(80, 200));
    const fullCommand = Math.max(1, hst.wallclockSeconds - localizeSeconds - stageSeconds);
    const limit = hstTimeLimit(hst.wallclockSeconds);
    const attempts: SimulatedAttempt[] = [];
    let readyAt = submittedAt;
    for (;;) {
      const ladder = hstMemoryBins[bin];
      let outcome: AttemptOutcome = 'completed';
      let commandSeconds = fullCommand * Math.exp(0.03 * random.normal());
      let exitCode: number | null = 0;
      let peakGb = hst.memoryGb;
      if (hst.memoryGb >= ladder.limitGb) {
        outcome = 'out-of-memory';
        commandSeconds *= random.uniform(0.2, 0.9);
        exitCode = random.int(31, 34);
        peakGb = ladder.limitGb;
      } else if (random.chance(0.008)) {
        outcome = 'error';
        commandSeconds *= random.uniform(0.05, 1);
        exitCode = 1;
      }
      const attempt = this.runAttempt({
        queue: ladder.queue,
        instance: ladder.instance,
        readyAt,
        outcome,
        exitCode,
        localizeSeconds,
        commandSeconds,
        stageSeconds: outcome === 'completed' ? stageSeconds : 0,
        peakMemoryBytes: Math.round(peakGb * gb),
      });
      attempts.push(attempt);
      const retry =
        (attempt.outcome === 'out-of-memory' && bin < hstMemoryBins.length - 1) ||
        (attempt.outcome === 'error' && attempts.length < maxAttempts && random.chance(0.3));
      if (!retry || attempts.length > hstMemoryBins.length) break;
      if (attempt.outcome === 'out-of-memory') bin++;
      readyAt = attempt.endedAt! + random.uniform(30, 300) * 1000;
    }
    return { type: calcloudJobType(hst.instrument), queue: hstMemoryBins[firstBin].queue, disposition: 'run', revokedAt: null, timeLimitSeconds: limit, params: hst.params, inputBytes, outputBytes, attempts };
  }

  /** Books the attempt on its queue's workers and cuts it off where the history ends. */
  private runAttempt(a: {
    queue: string;
    instance: string;
    readyAt: number;
    outcome: AttemptOutcome;
    exitCode: number | null;
    localizeSeconds: number;
    commandSeconds: number;
    stageSeconds: number;
    peakMemoryBytes: number;
  }): SimulatedAttempt {
    const pool = this.pools.get(a.queue)!;
    const localizeSeconds = round3(a.localizeSeconds);
    const commandSeconds = round3(a.commandSeconds);
    const stageSeconds = round3(a.stageSeconds);
    // Even an idle worker takes a moment to pick a job off the broker.
    const pickupAt = a.readyAt + this.random.logNormal(2.5, 0.8) * 1000;
    let startedAt: number | null = null;
    let endedAt: number | null = null;
    let outcome: AttemptOutcome = 'waiting';
    if (pool.nextStart(pickupAt) <= this.endsAt) {
      const runSeconds = localizeSeconds + commandSeconds + stageSeconds;
      startedAt = pool.schedule(pickupAt, runSeconds);
      const finishedAt = startedAt + runSeconds * 1000;
      outcome = finishedAt > this.endsAt ? 'running' : a.outcome;
      if (outcome !== 'running') endedAt = finishedAt;
    }
    const finished = endedAt !== null;
    return {
      queue: a.queue,
      instance: a.instance,
      queuedAt: a.readyAt,
      startedAt,
      endedAt,
      outcome,
      exitCode: finished ? a.exitCode : null,
      localizeSeconds,
      commandSeconds,
      stageSeconds,
      peakMemoryBytes: a.peakMemoryBytes,
      host: this.sampleHost(),
    };
  }

  private sampleDemand(profile: JobProfile): Demand {
    const random = this.random;
    const [minInputs, maxInputs] = profile.inputCount;
    const inputCount = random.int(minInputs, maxInputs);
    const inputBytes: number[] = [];
    for (let i = 0; i < inputCount; i++) inputBytes.push(Math.round(random.logNormal(profile.inputMedianMb, 0.5) * mb));
    const typicalInput = ((minInputs + maxInputs) / 2) * profile.inputMedianMb * mb;
    const sizeFactor = inputCount > 0 && typicalInput > 0 ? sum(inputBytes) / typicalInput : 1;
    const outputCount = profile.outputMedianMb >= 1 ? random.int(1, 3) : 0;
    const outputBytes: number[] = [];
    for (let i = 0; i < outputCount; i++) outputBytes.push(Math.round((random.logNormal(profile.outputMedianMb, 0.4) * Math.pow(sizeFactor, 0.5) * mb) / outputCount));
    return {
      inputBytes,
      outputBytes,
      sizeFactor,
      memoryGb: profile.memoryMedianGb * Math.pow(sizeFactor, 0.35) * Math.exp(profile.memorySigma * random.normal()),
      slowness: random.normal(),
      params: this.sampleParams(profile),
    };
  }

  private sampleParams(profile: JobProfile): Record<string, unknown> {
    const random = this.random;
    switch (profile.family) {
      case 'sciflo':
        return {
          product_type: profile.type.slice('job-SCIFLO_'.length, profile.type.indexOf(':')),
          processing_mode: random.chance(0.8) ? 'forward' : random.chance(0.75) ? 'reprocessing' : 'historical',
          track: random.int(1, 173),
          frame: random.int(1, 176),
        };
      case 'aria':
        return { track: random.int(1, 175), direction: random.chance(0.5) ? 'asc' : 'dsc' };
      case 'maap':
        return { algo_version: random.pick(['v1', 'v2', 'main']), tile_id: random.int(1, 5000) };
      case 'system':
        return {};
    }
  }

  private sampleQuirks(): DocumentQuirks {
    const random = this.random;
    const facts = random.next();
    return {
      missingFacts: facts < 0.01 ? 'all' : facts < 0.04 ? 'instance-type' : 'none',
      oddTimestamps: random.chance(0.03),
    };
  }

  private sampleHost(): WorkerHost {
    const random = this.random;
    return {
      taskId: random.uuid(),
      hostname: `ip-10-0-${random.int(0, 255)}-${random.int(1, 254)}.us-west-2.compute.internal`,
      publicIp: `54.${random.int(64, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`,
      instanceId: `i-0${random.hex(16)}`,
      availabilityZone: `us-west-2${'abcd'[random.int(0, 3)]}`,
      pid: random.int(1000, 65000),
    };
  }

  private affinity(type: string, instance: string): Affinity {
    const key = `${type}|${instance}`;
    let found = this.affinities.get(key);
    if (!found) {
      // Fixed per pair, independent of the history's seed: a job type is characteristically slow on some instance.
      const pairRandom = new SeededRandom(fnv1a(key));
      found = { speedFactor: pairRandom.uniform(0.8, 1.25), sigmaFactor: pairRandom.uniform(0.8, 1.25) };
      this.affinities.set(key, found);
    }
    return found;
  }

  private sizeWorkerPools(weights: readonly number[]): void {
    // A calibration pass with its own generator: it must not shift the history's random sequence.
    const calibration = new SeededRandom(this.settings.seed ^ 0x5bd1e995);
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const busySecondsPerJob = new Map<string, number>();
    const add = (queue: string, seconds: number) => busySecondsPerJob.set(queue, (busySecondsPerJob.get(queue) ?? 0) + seconds);
    const samples = 200;
    this.kinds.forEach((kind, index) => {
      const share = weights[index] / totalWeight / samples;
      for (let s = 0; s < samples; s++) {
        if (kind.kind === 'hst') {
          const hst = sampleHstCalibrationJob(calibration);
          add(hstMemoryBins[hstMemoryBin(hst.memoryGb)].queue, share * hst.wallclockSeconds);
        } else {
          const instance = this.instanceChoice.get(kind.profile.queue)!.pick(calibration);
          const seconds =
            ((kind.profile.runtimeMedianSeconds * this.affinity(kind.profile.type, instance).speedFactor) / instanceType(instance).speed) *
            Math.exp(kind.profile.runtimeSigma * calibration.normal());
          add(kind.profile.queue, share * seconds);
        }
      }
    });
    for (const queue of [...Object.keys(queueInstances), ...hstMemoryBins.map((b) => b.queue)]) {
      const load = (busySecondsPerJob.get(queue) ?? 0) * this.plan.baseRatePerSecond;
      this.pools.set(queue, new WorkerPool(Math.max(2, Math.ceil(load / targetUtilization))));
    }
  }
}

type CommonFields = Pick<SimulatedJob, 'payloadId' | 'payloadHash' | 'submittedAt' | 'priority' | 'username' | 'tags' | 'quirks'>;

/** HySDS time limits are set per job type, generously above its usual runtime. */
function timeLimit(profile: JobProfile): number {
  return Math.ceil((profile.runtimeMedianSeconds * Math.exp(3 * profile.runtimeSigma)) / 0.6 / 60) * 60;
}

/** calcloud's kill time: a multiple of the expected wallclock, at least 20 minutes, at most 48 hours. */
function hstTimeLimit(wallclockSeconds: number): number {
  return Math.round(Math.min(Math.max(wallclockSeconds * 6, 1200), 172_800));
}

/** Splits a total into `parts` positive shares of random size. */
function split(random: SeededRandom, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => random.exponential(1) + 0.05);
  const weightSum = sum(weights);
  return weights.map((w) => Math.round((total * w) / weightSum));
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
