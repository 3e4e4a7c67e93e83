import type { PredictorMetrics } from '../observability/predictor-metrics';

/**
 * Counts and times one answered HTTP request, labelled by the matched route pattern (not the raw URL, to bound
 * cardinality); `unmatched` when no route matched.
 */
export function recordHttpRequest(metrics: PredictorMetrics, route: string | undefined, method: string, status: number, seconds: number): void {
  const label = route ?? 'unmatched';
  metrics.httpRequests.inc({ route: label, method, status: String(status) });
  metrics.httpLatency.observe({ route: label, method }, seconds);
}
