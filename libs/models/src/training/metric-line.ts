/**
 * Metric lines in a run's log, `###METRIC###<name>:<value>###`, so an outside scheduler can scrape them
 * (reference §6).
 */
const METRIC_LINE = /^###METRIC###([^:#]+):([^#]+)###$/;

export function formatMetricLine(name: string, value: number): string {
  return `###METRIC###${name}:${value}###`;
}

/** Every metric line found in a log text; later values of the same name win. */
export function parseMetricLines(log: string): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const line of log.split(/\r?\n/)) {
    const match = METRIC_LINE.exec(line.trim());
    if (match) metrics[match[1]] = Number(match[2]);
  }
  return metrics;
}
