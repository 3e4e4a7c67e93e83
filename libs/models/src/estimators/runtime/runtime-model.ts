import { z } from 'zod';
import type { JobRun, RuntimeStatistics } from '@jobcast/contracts';
import type { WeightedSummary } from '../statistics';
import type { HysdsFeatureInput } from '../../features';
import { RecentSamples } from './recent-samples';
import { JobTypeNeighbours } from './job-type-neighbours';
import type { RuntimeQuery } from './runtime-query';

export interface RuntimeModelOptions {
  /** most recent runs kept per group */
  windowSize: number;
  /** a run's weight halves every this many newer runs of its group */
  halfLifeSamples: number;
  /** pseudo-count pulling a sparse group toward its parent: weight = n / (n + shrinkage) */
  shrinkage: number;
  /** job types consulted when a type is unseen or sparse */
  neighbours: number;
}

export const DEFAULT_RUNTIME_MODEL_OPTIONS: RuntimeModelOptions = {
  windowSize: 50,
  halfLifeSamples: 3,
  shrinkage: 0.5,
  neighbours: 3,
};

/** Levels from the most specific to the broadest; `level` in an answer names the most specific that took part. */
export type RuntimeLevel = 'job-type+instance' | 'job-type' | 'neighbours' | 'global';

/** Beyond this many runs of its own, a type barely moves toward its neighbours, so they are not searched. */
const NEIGHBOURS_BELOW_SAMPLES = 10;

const FeatureValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const Samples = z.array(z.number().nonnegative());

export const RuntimeModelJson = z.object({
  format: z.literal('jobcast.runtime-model'),
  version: z.literal(1),
  options: z.object({
    windowSize: z.number().int().positive(),
    halfLifeSamples: z.number().positive(),
    shrinkage: z.number().nonnegative(),
    neighbours: z.number().int().nonnegative(),
  }),
  global: Samples,
  types: z.record(z.string(), Samples),
  pairs: z.array(z.object({ jobType: z.string(), instanceType: z.string(), samples: Samples })),
  representatives: z.array(
    z.object({
      jobType: z.string(),
      queue: z.string().nullable().optional(),
      instanceType: z.string().nullable().optional(),
      inputCount: z.number().nullable().optional(),
      inputBytes: z.number().nullable().optional(),
      features: z.record(z.string(), FeatureValue).optional(),
    }),
  ),
});
export type RuntimeModelJson = z.infer<typeof RuntimeModelJson>;

/**
 * Runtime per (job type, instance) from recency-weighted quantiles, each group shrunk toward a broader one:
 * the job type on any instance, then the nearest job types by their features, then every recent run. Sparse
 * and unseen combinations therefore still get an answer, and `level` / `fallback` say how specific it is.
 * Answers are capped at the job's time limit when the query gives one: the job cannot run longer.
 * An estimate is a few map lookups on cached summaries (plus a small neighbour search for sparse types).
 */
export class RuntimeModel {
  private readonly global: RecentSamples;
  private readonly types = new Map<string, RecentSamples>();
  private readonly pairs = new Map<string, RecentSamples>();
  private readonly neighbours: JobTypeNeighbours;

  private constructor(
    readonly options: RuntimeModelOptions,
    neighbours = new JobTypeNeighbours(),
    globalSamples: number[] = [],
  ) {
    this.global = this.samples(globalSamples);
    this.neighbours = neighbours;
  }

  static empty(options: Partial<RuntimeModelOptions> = {}): RuntimeModel {
    return new RuntimeModel(validOptions({ ...DEFAULT_RUNTIME_MODEL_OPTIONS, ...options }));
  }

  static fromJSON(json: unknown): RuntimeModel {
    const parsed = RuntimeModelJson.parse(json);
    const neighbours = new JobTypeNeighbours(
      new Map(parsed.representatives.map((input) => [input.jobType, input as HysdsFeatureInput])),
    );
    const model = new RuntimeModel(parsed.options, neighbours, parsed.global);
    for (const [jobType, samples] of Object.entries(parsed.types)) model.types.set(jobType, model.samples(samples));
    for (const pair of parsed.pairs) model.pairs.set(pairKey(pair.jobType, pair.instanceType), model.samples(pair.samples));
    return model;
  }

  toJSON(): RuntimeModelJson {
    return {
      format: 'jobcast.runtime-model',
      version: 1,
      options: this.options,
      global: this.global.toJSON(),
      types: Object.fromEntries([...this.types].map(([jobType, samples]) => [jobType, samples.toJSON()])),
      pairs: [...this.pairs].map(([key, samples]) => {
        const [jobType, instanceType] = splitPairKey(key);
        return { jobType, instanceType, samples: samples.toJSON() };
      }),
      representatives: this.neighbours.toJSON(),
    };
  }

  get runCount(): number {
    return this.global.size;
  }

  /**
   * Adds one finished run; only completed runs with a known duration teach runtime. Returns whether it was used.
   * Call in the order runs finished: recency weighting follows arrival order.
   */
  observe(run: JobRun): boolean {
    if (run.status !== 'job-completed' || run.durationSeconds === null) return false;
    const seconds = run.durationSeconds;
    this.global.add(seconds);
    this.groupOf(this.types, run.jobType).add(seconds);
    if (run.instanceType !== null) this.groupOf(this.pairs, pairKey(run.jobType, run.instanceType)).add(seconds);
    this.neighbours.remember(run);
    return true;
  }

  /** null only when the model has seen no run at all. */
  estimate(query: RuntimeQuery): RuntimeStatistics | null {
    const global = this.global.summary();
    if (global === null) return null;
    let answer: Answer = { summary: global, samples: this.global.size, level: 'global' };
    const typeSamples = this.types.get(query.jobType);
    if (query.features !== undefined && (typeSamples?.size ?? 0) < NEIGHBOURS_BELOW_SAMPLES) {
      answer = this.fromNeighbours(query, answer);
    }
    if (typeSamples) answer = this.shrink(typeSamples, 'job-type', answer);
    const pairSamples =
      query.instanceType === null ? undefined : this.pairs.get(pairKey(query.jobType, query.instanceType));
    if (pairSamples) answer = this.shrink(pairSamples, 'job-type+instance', answer);
    return toStatistics(answer, query.timeLimitSeconds ?? null);
  }

  /** SOAMC's question: the runtime of a job type on an instance (null instance = any). */
  estimateRuntime(jobType: string, instanceType: string | null): RuntimeStatistics | null {
    return this.estimate({ jobType, instanceType });
  }

  private fromNeighbours(query: RuntimeQuery, parent: Answer): Answer {
    const found = this.neighbours.nearest(query as HysdsFeatureInput, this.options.neighbours);
    if (found.length === 0) return parent;
    const parts: Array<{ summary: WeightedSummary; weight: number }> = [];
    let samples = 0;
    for (const { jobType, distance } of found) {
      const group = this.types.get(jobType);
      const summary = group?.summary();
      if (!group || !summary) continue;
      parts.push({ summary, weight: 1 / (distance + 1e-3) });
      samples += group.size;
    }
    if (parts.length === 0) return parent;
    const total = parts.reduce((sum, part) => sum + part.weight, 0);
    const blended = blend(parts.map((part) => ({ summary: part.summary, weight: part.weight / total })));
    return this.shrinkSummary(blended, samples, 'neighbours', parent);
  }

  private shrink(group: RecentSamples, level: RuntimeLevel, parent: Answer): Answer {
    return this.shrinkSummary(group.summary() as WeightedSummary, group.size, level, parent);
  }

  private shrinkSummary(summary: WeightedSummary, samples: number, level: RuntimeLevel, parent: Answer): Answer {
    const weight = samples / (samples + this.options.shrinkage);
    return {
      summary: blend([
        { summary, weight },
        { summary: parent.summary, weight: 1 - weight },
      ]),
      samples,
      level,
    };
  }

  private groupOf(groups: Map<string, RecentSamples>, key: string): RecentSamples {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = this.samples()));
    return group;
  }

  private samples(values: number[] = []): RecentSamples {
    return new RecentSamples(this.options.windowSize, this.options.halfLifeSamples, values);
  }
}

/** Fits a runtime model from finished runs, oldest first by end time. */
export function fitRuntimeModel(runs: readonly JobRun[], options: Partial<RuntimeModelOptions> = {}): RuntimeModel {
  const model = RuntimeModel.empty(options);
  const endOf = (run: JobRun) => run.endedAt ?? run.updatedAt;
  const ordered = [...runs].sort((a, b) => (endOf(a) < endOf(b) ? -1 : endOf(a) > endOf(b) ? 1 : 0));
  for (const run of ordered) model.observe(run);
  return model;
}

interface Answer {
  summary: WeightedSummary;
  samples: number;
  level: RuntimeLevel;
}

function blend(parts: Array<{ summary: WeightedSummary; weight: number }>): WeightedSummary {
  const blended: WeightedSummary = { mean: 0, stdev: 0, p50: 0, p90: 0, p99: 0 };
  for (const { summary, weight } of parts) {
    blended.mean += weight * summary.mean;
    blended.stdev += weight * summary.stdev;
    blended.p50 += weight * summary.p50;
    blended.p90 += weight * summary.p90;
    blended.p99 += weight * summary.p99;
  }
  return blended;
}

function toStatistics(answer: Answer, timeLimitSeconds: number | null): RuntimeStatistics {
  const cap = (seconds: number) => (timeLimitSeconds === null ? seconds : Math.min(seconds, timeLimitSeconds));
  const { summary } = answer;
  return {
    mean: cap(summary.mean),
    stdev: summary.stdev,
    p50: cap(summary.p50),
    p90: cap(summary.p90),
    p99: cap(summary.p99),
    samples: answer.samples,
    level: answer.level,
    fallback: answer.level !== 'job-type+instance',
    units: 'seconds',
  };
}

function validOptions(options: RuntimeModelOptions): RuntimeModelOptions {
  return RuntimeModelJson.shape.options.parse(options);
}

const SEPARATOR = '\u0000';
const pairKey = (jobType: string, instanceType: string) => `${jobType}${SEPARATOR}${instanceType}`;
const splitPairKey = (key: string): [string, string] => {
  const at = key.indexOf(SEPARATOR);
  return [key.slice(0, at), key.slice(at + 1)];
};
