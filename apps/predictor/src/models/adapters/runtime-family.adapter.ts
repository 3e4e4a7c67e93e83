import { join } from 'node:path';
import { RUNTIME_PRICES_FILE, hourlyPrice, loadPriceTable, runtimeFamily, type PriceTable, type RuntimeModel } from '@jobcast/models';
import type { RuntimeAnswer, RuntimeFamily } from '../model-ports';

const ANY = '*';
/** Distinct (job type, instance) answers kept; the model is immutable once loaded, so answers never go stale. */
const MAX_CACHED_ANSWERS = 100_000;

/** Reads a stored `runtime` run: the runtime model and the price table frozen with it. */
export async function loadRuntimeFamily(runDir: string): Promise<RuntimeFamily> {
  const model = await runtimeFamily.load(runDir);
  return adaptRuntimeFamily(model, loadPriceTable(join(runDir, RUNTIME_PRICES_FILE)));
}

/**
 * Serves @jobcast/models' RuntimeModel through the predictor's ports. Answers for every known (job type, instance) are
 * computed at load and others memoised on first use; the instances each type ran on are listed once, so a request
 * costs a map lookup.
 */
export function adaptRuntimeFamily(model: RuntimeModel, prices: PriceTable): RuntimeFamily {
  const instancesByType = new Map<string, string[]>();
  for (const pair of model.toJSON().pairs) {
    const instances = instancesByType.get(pair.jobType) ?? [];
    instances.push(pair.instanceType);
    instancesByType.set(pair.jobType, instances);
  }
  const answers = new Map<string, RuntimeAnswer>();

  const estimate = (jobType: string, instance: string): RuntimeAnswer => {
    const key = `${jobType}\u0000${instance}`;
    const cached = answers.get(key);
    if (cached !== undefined) return cached;
    const statistics = model.estimateRuntime(jobType, instance === ANY ? null : instance);
    if (statistics === null) throw new Error('the runtime model has seen no finished run');
    // `*` asks for a broader level on purpose; only an answer broader than what was asked is a fallback.
    const asked = jobType === ANY ? 'global' : instance === ANY ? 'job-type' : 'job-type+instance';
    const { mean, stdev, p50, p90, p99, samples, level } = statistics;
    const answer: RuntimeAnswer = { mean, stdev, p50, p90, p99, samples, level, fallback: level !== asked };
    if (answers.size >= MAX_CACHED_ANSWERS) answers.clear();
    answers.set(key, answer);
    return answer;
  };

  // Precompute every pair and job type the model knows, so serving them is a lookup from the first request on.
  for (const [jobType, instances] of instancesByType) {
    if (answers.size + instances.length + 1 > MAX_CACHED_ANSWERS) break;
    estimate(jobType, ANY);
    for (const instance of instances) estimate(jobType, instance);
  }
  estimate(ANY, ANY);

  return {
    runtime: { estimate, instancesFor: (jobType) => instancesByType.get(jobType) ?? [] },
    prices: { version: prices.version, hourlyUsd: (instance) => hourlyPrice(prices, instance) },
    queue: {
      // SOAMC's rule (reference §2): min = Σ max(0, median − std) / nodes, max = Σ (median + std) / nodes.
      estimate: (jobTypes, nodes) => {
        let minSeconds = 0;
        let maxSeconds = 0;
        for (const jobType of jobTypes) {
          const { p50, stdev } = estimate(jobType, ANY);
          minSeconds += Math.max(0, p50 - stdev);
          maxSeconds += p50 + stdev;
        }
        return { minSeconds: minSeconds / nodes, maxSeconds: maxSeconds / nodes };
      },
    },
  };
}
