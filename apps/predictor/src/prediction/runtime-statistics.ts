import type { RuntimeStatistics } from '@jobcast/contracts';
import type { RuntimeAnswer } from '../models/model-ports';

/** A runtime model's answer in the contract's shape (units made explicit). */
export function toStatistics(answer: RuntimeAnswer): RuntimeStatistics {
  const { mean, stdev, p50, p90, p99, samples, level, fallback } = answer;
  return { mean, stdev, p50, p90, p99, samples, level, fallback, units: 'seconds' };
}
