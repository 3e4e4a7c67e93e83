import { z } from 'zod';
import type { JobRun } from '@jobcast/contracts';

/** The parts of a job the `hysds` spec reads; anything a scheduler knows before the job runs. */
export type HysdsFeatureInput = Pick<JobRun, 'jobType'> &
  Partial<Pick<JobRun, 'queue' | 'instanceType' | 'inputCount' | 'inputBytes' | 'features'>>;

export interface HysdsFeatureSpecOptions {
  /** most frequent values kept per categorical field; the rest share the `unknown` slot */
  maxCategories?: number;
  /** most frequent parameter keys kept from `features` */
  maxParams?: number;
  /** false when job types are compared with each other (one-hot job types would make every type equidistant) */
  includeJobType?: boolean;
}

const Vocabulary = z.array(z.string());

export const HysdsFeatureSpecJson = z.object({
  kind: z.literal('hysds'),
  version: z.literal(1),
  jobType: Vocabulary.nullable(),
  queue: Vocabulary,
  instanceType: Vocabulary,
  categoricalParams: z.record(z.string(), Vocabulary),
  numeric: z.object({
    names: z.array(z.string()),
    mu: z.array(z.number()),
    sigma: z.array(z.number().positive()),
  }),
});
export type HysdsFeatureSpecJson = z.infer<typeof HysdsFeatureSpecJson>;

const INPUT_COUNT = 'input_count';
const INPUT_BYTES = 'input_bytes';

/** Sizes and counts span orders of magnitude; a signed log keeps them comparable and keeps the sign. */
const signedLog = (value: number): number => Math.sign(value) * Math.log1p(Math.abs(value));

/**
 * The `hysds` feature spec: JobRun → numeric vector. Layout: one-hot job type, queue, instance type and each
 * text parameter, every block led by an `unknown` slot that takes unseen and missing values; then input count,
 * input bytes and numeric parameters, log-scaled and standardised with the fitted mean and spread (missing → 0,
 * the mean). Fitted once on training runs, stored as JSON beside the model that uses it.
 */
export class HysdsFeatureSpec {
  readonly dimension: number;
  private readonly jobTypeIndex: Map<string, number> | null;
  private readonly queueIndex: Map<string, number>;
  private readonly instanceIndex: Map<string, number>;
  private readonly paramIndexes: Array<[string, Map<string, number>]>;

  private constructor(private readonly json: HysdsFeatureSpecJson) {
    const indexOf = (vocabulary: string[]) => new Map(vocabulary.map((value, position) => [value, position + 1]));
    this.jobTypeIndex = json.jobType === null ? null : indexOf(json.jobType);
    this.queueIndex = indexOf(json.queue);
    this.instanceIndex = indexOf(json.instanceType);
    this.paramIndexes = Object.entries(json.categoricalParams).map(([key, vocabulary]) => [key, indexOf(vocabulary)]);
    const oneHotWidth = (index: Map<string, number> | null) => (index === null ? 0 : index.size + 1);
    this.dimension =
      oneHotWidth(this.jobTypeIndex) +
      oneHotWidth(this.queueIndex) +
      oneHotWidth(this.instanceIndex) +
      this.paramIndexes.reduce((width, [, index]) => width + oneHotWidth(index), 0) +
      json.numeric.names.length;
  }

  static fit(runs: readonly HysdsFeatureInput[], options: HysdsFeatureSpecOptions = {}): HysdsFeatureSpec {
    const maxCategories = options.maxCategories ?? 50;
    const maxParams = options.maxParams ?? 64;
    const keyCounts = new Map<string, number>();
    const textKeys = new Set<string>();
    for (const run of runs) {
      for (const [key, value] of Object.entries(run.features ?? {})) {
        if (value === null) continue;
        keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1);
        if (typeof value === 'string') textKeys.add(key);
      }
    }
    const keys = topByCount(keyCounts, maxParams).sort();
    const vocabulary = (valueOf: (run: HysdsFeatureInput) => unknown) => {
      const counts = new Map<string, number>();
      for (const run of runs) {
        const value = valueOf(run);
        if (value !== null && value !== undefined) counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
      }
      return topByCount(counts, maxCategories);
    };
    const categoricalParams: Record<string, string[]> = {};
    const numericKeys: string[] = [];
    for (const key of keys) {
      if (textKeys.has(key)) categoricalParams[key] = vocabulary((run) => run.features?.[key]);
      else numericKeys.push(key);
    }
    const numericNames = [INPUT_COUNT, INPUT_BYTES, ...numericKeys];
    const mu: number[] = [];
    const sigma: number[] = [];
    for (const name of numericNames) {
      const values = runs.map((run) => rawNumeric(run, name)).filter((value): value is number => value !== null);
      const average = values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
      const spread =
        values.length === 0 ? 0 : Math.sqrt(values.reduce((sum, value) => sum + (value - average) ** 2, 0) / values.length);
      mu.push(average);
      // A constant column would divide by zero; a unit spread leaves it centred at 0.
      sigma.push(spread > 0 ? spread : 1);
    }
    return new HysdsFeatureSpec({
      kind: 'hysds',
      version: 1,
      jobType: options.includeJobType === false ? null : vocabulary((run) => run.jobType),
      queue: vocabulary((run) => run.queue),
      instanceType: vocabulary((run) => run.instanceType),
      categoricalParams,
      numeric: { names: numericNames, mu, sigma },
    });
  }

  static fromJSON(json: unknown): HysdsFeatureSpec {
    return new HysdsFeatureSpec(HysdsFeatureSpecJson.parse(json));
  }

  toJSON(): HysdsFeatureSpecJson {
    return this.json;
  }

  /** Names of the vector's slots, in order (for reports and debugging). */
  get featureNames(): string[] {
    const oneHot = (field: string, index: Map<string, number> | null) =>
      index === null ? [] : [`${field}=unknown`, ...[...index.keys()].map((value) => `${field}=${value}`)];
    return [
      ...oneHot('jobType', this.jobTypeIndex),
      ...oneHot('queue', this.queueIndex),
      ...oneHot('instanceType', this.instanceIndex),
      ...this.paramIndexes.flatMap(([key, index]) => oneHot(key, index)),
      ...this.json.numeric.names,
    ];
  }

  vectorise(run: HysdsFeatureInput): Float64Array {
    const vector = new Float64Array(this.dimension);
    let offset = 0;
    const oneHot = (index: Map<string, number> | null, value: unknown) => {
      if (index === null) return;
      const slot = value === null || value === undefined ? 0 : (index.get(String(value)) ?? 0);
      vector[offset + slot] = 1;
      offset += index.size + 1;
    };
    oneHot(this.jobTypeIndex, run.jobType);
    oneHot(this.queueIndex, run.queue);
    oneHot(this.instanceIndex, run.instanceType);
    for (const [key, index] of this.paramIndexes) oneHot(index, run.features?.[key]);
    const { names, mu, sigma } = this.json.numeric;
    for (let position = 0; position < names.length; position++) {
      const value = rawNumeric(run, names[position]);
      vector[offset + position] = value === null ? 0 : (value - mu[position]) / sigma[position];
    }
    return vector;
  }
}

/** The log-scaled value of a numeric slot, or null when the job does not carry a usable one. */
function rawNumeric(run: HysdsFeatureInput, name: string): number | null {
  const value = name === INPUT_COUNT ? run.inputCount : name === INPUT_BYTES ? run.inputBytes : run.features?.[name];
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return signedLog(value);
}

/** The `limit` most frequent keys, ties broken by name so a fit is repeatable. */
function topByCount(counts: Map<string, number>, limit: number): string[] {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit)
    .map(([value]) => value);
}
