import type { CalcloudFeatures } from '@jobcast/models';
import type { CalcloudAnswer, CalcloudModel, LoadedModel, ModelFamily, RuntimeAnswer, RuntimeFamily } from '../src/models/model-ports';
import { type ModelReference, type ModelSource, NoChampionError } from '../src/models/model-source.port';

/**
 * Small stand-ins for the trained model families, computed from the samples they are given, so the serving code can be
 * tested without training networks. The real families are exercised by the integration tests.
 */

export interface RuntimeSample {
  jobType: string;
  instance: string;
  seconds: number;
}

function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

function statistics(values: number[], level: string, fallback: boolean): RuntimeAnswer {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  const stdev = Math.sqrt(sorted.reduce((sum, value) => sum + (value - mean) ** 2, 0) / sorted.length);
  return { mean, stdev, p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), p99: quantile(sorted, 0.99), samples: sorted.length, level, fallback };
}

export function fixtureRuntimeFamily(samples: RuntimeSample[], hourlyPrices: Record<string, number>, priceVersion = 'prices-test'): RuntimeFamily {
  const byKey = new Map<string, number[]>();
  const add = (key: string, seconds: number) => byKey.set(key, [...(byKey.get(key) ?? []), seconds]);
  const instances = new Map<string, Set<string>>();
  for (const { jobType, instance, seconds } of samples) {
    add(`${jobType}|${instance}`, seconds);
    add(`${jobType}|*`, seconds);
    add(`*|${instance}`, seconds);
    add('*|*', seconds);
    instances.set(jobType, (instances.get(jobType) ?? new Set()).add(instance));
  }
  const answers = new Map([...byKey].map(([key, values]) => [key, statistics(values, key.includes('*') ? 'broad' : 'job-type+instance', false)]));
  const estimate = (jobType: string, instance: string): RuntimeAnswer => {
    const exact = answers.get(`${jobType}|${instance}`);
    if (exact) return { ...exact, level: levelOf(jobType, instance) };
    const typeOnly = answers.get(`${jobType}|*`);
    if (typeOnly) return { ...typeOnly, level: 'job-type', fallback: true };
    return { ...answers.get('*|*')!, level: 'global', fallback: true };
  };
  return {
    runtime: { estimate, instancesFor: (jobType) => [...(instances.get(jobType) ?? [])] },
    prices: { version: priceVersion, hourlyUsd: (instance) => hourlyPrices[instance] ?? null },
    queue: {
      estimate: (jobTypes, nodes) => {
        let min = 0;
        let max = 0;
        for (const jobType of jobTypes) {
          const { p50, stdev } = estimate(jobType, '*');
          min += Math.max(0, p50 - stdev);
          max += p50 + stdev;
        }
        return { minSeconds: min / nodes, maxSeconds: max / nodes };
      },
    },
  };
}

function levelOf(jobType: string, instance: string): string {
  if (jobType === '*' && instance === '*') return 'global';
  if (instance === '*') return 'job-type';
  return jobType === '*' ? 'instance' : 'job-type+instance';
}

export const BIN_INSTANCES = ['c5a.2xlarge', 'm5a.2xlarge', 'r5a.xlarge', 'r5a.2xlarge'];

/** Memory grows with input size, wallclock with file count: enough structure to tell inputs apart in tests. */
export function fixtureCalcloudModel(): CalcloudModel {
  return {
    predictBatch: (inputs: readonly CalcloudFeatures[]): CalcloudAnswer[] =>
      inputs.map((input) => {
        const memoryGb = 0.5 + input.total_mb / 100;
        const memBin = memoryGb < 1.792 ? 0 : memoryGb < 7.168 ? 1 : memoryGb < 14.336 ? 2 : 3;
        const binProbs = [0, 1, 2, 3].map((bin) => (bin === memBin ? 0.85 : 0.05));
        const wallclockSeconds = 60 + input.n_files * 100;
        return { memBin, binProbs, memoryGb, wallclockSeconds, killTimeSeconds: Math.max(60, wallclockSeconds * 2), costAwareBin: memBin, costAwareInstance: BIN_INSTANCES[memBin] };
      }),
  };
}

/** A model source serving whatever models the test put in it; `fail` makes the next load of a family throw. */
export class FixtureModelSource implements ModelSource {
  readonly description = 'fixture models';
  readonly loads: Array<{ family: ModelFamily; reference: ModelReference | null }> = [];
  private readonly models = new Map<ModelFamily, { version: string; model: unknown } | Error>();

  set<F extends ModelFamily>(family: F, version: string, model: LoadedModel<F>['model']): void {
    this.models.set(family, { version, model });
  }

  fail(family: ModelFamily, message: string): void {
    this.models.set(family, new Error(message));
  }

  async load<F extends ModelFamily>(family: F, reference: ModelReference | null): Promise<LoadedModel<F>> {
    this.loads.push({ family, reference });
    const entry = this.models.get(family);
    if (entry === undefined) throw new NoChampionError(`no ${family} model`);
    if (entry instanceof Error) throw entry;
    return { family, version: entry.version, location: `fixture:${family}`, loadedAt: new Date().toISOString(), model: entry.model as LoadedModel<F>['model'] };
  }
}
