import { formatMetricLine } from './metric-line';

/** One evaluation stage: the data a model was scored on. */
export type Stage = 'train' | 'test';

/**
 * Collects metrics per stage and fold and reports them as `name_stage`, averaged over folds (reference §6).
 */
export class MetricPool {
  private readonly values = new Map<string, number[]>();

  record(stage: Stage, metrics: Record<string, number>): void {
    for (const [name, value] of Object.entries(metrics)) {
      if (!Number.isFinite(value)) continue;
      const key = `${name}_${stage}`;
      const list = this.values.get(key) ?? [];
      list.push(value);
      this.values.set(key, list);
    }
  }

  summary(): Record<string, number> {
    const summary: Record<string, number> = {};
    for (const [key, list] of this.values) summary[key] = list.reduce((sum, value) => sum + value, 0) / list.length;
    return summary;
  }

  lines(): string[] {
    return Object.entries(this.summary()).map(([name, value]) => formatMetricLine(name, value));
  }
}
