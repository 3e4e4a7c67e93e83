import { relativeRegression, type MetricDirection } from './metric-direction';
import type { GateEvaluation } from './training-task';

export interface GateDecision {
  promote: boolean;
  /** recorded in the registry either way */
  reason: string;
}

/**
 * The promotion gate: a candidate replaces the champion only if, on the same rows, it is no worse than the champion
 * beyond `tolerance` (relative, 0.02 = 2 %).
 */
export function decidePromotion(gate: GateEvaluation, direction: MetricDirection, tolerance: number): GateDecision {
  const { metric, rows, candidate, champion } = gate;
  if (!Number.isFinite(candidate)) return { promote: false, reason: `the candidate has no ${metric} on the ${rows} gate rows` };
  if (gate.championError !== null) {
    return { promote: true, reason: `the champion could not be scored (${gate.championError}); candidate ${metric} ${candidate}` };
  }
  if (champion === null) return { promote: true, reason: `first model of the family (${metric} ${candidate} on ${rows} rows)` };
  const regression = relativeRegression(candidate, champion, direction);
  const figures = `${metric} ${candidate} vs champion ${champion} on the same ${rows} rows`;
  if (regression <= tolerance) {
    return { promote: true, reason: `${figures}: no worse beyond the tolerance of ${percent(tolerance)}` };
  }
  return { promote: false, reason: `${figures}: ${percent(regression)} worse, beyond the tolerance of ${percent(tolerance)}` };
}

function percent(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(2)} %` : 'infinitely';
}
