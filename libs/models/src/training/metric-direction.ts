/** Which way is better for a metric: maximise accuracy/F1/AUC, minimise RMSE/MAE/loss. */
export type MetricDirection = 'maximize' | 'minimize';

export interface MetricGoal {
  name: string;
  direction: MetricDirection;
}

export function isBetter(candidate: number, incumbent: number, direction: MetricDirection): boolean {
  return direction === 'maximize' ? candidate > incumbent : candidate < incumbent;
}

/**
 * How much worse `candidate` is than `reference`, as a fraction of the reference (0 when it is no worse).
 * Used by the promotion gate's tolerance.
 */
export function relativeRegression(candidate: number, reference: number, direction: MetricDirection): number {
  const loss = direction === 'maximize' ? reference - candidate : candidate - reference;
  if (loss <= 0) return 0;
  return reference === 0 ? Number.POSITIVE_INFINITY : loss / Math.abs(reference);
}
