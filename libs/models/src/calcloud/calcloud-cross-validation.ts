import type { CalcloudRow } from './calcloud-dataset';
import { calcloudSplitOf, CalcloudTrainingOptions, resolveCalcloudConfig, trainCalcloudOnSplit } from './calcloud-training';
import { stratifiedFolds } from './stratified-split';

const FIGURES = ['accuracy', 'mem_rmse', 'wall_rmse', 'kill_coverage'] as const;
type Figure = (typeof FIGURES)[number];

export interface CalcloudCrossValidation {
  folds: number;
  perFold: Array<Record<Figure, number>>;
  mean: Record<Figure, number>;
  /** population standard deviation across folds */
  std: Record<Figure, number>;
}

/** Stratified k-fold cross-validation (calcloud reports 10-fold beside the single split): every row is tested once. */
export async function crossValidateCalcloud(rows: ReadonlyArray<CalcloudRow>, folds: number, options: CalcloudTrainingOptions = {}): Promise<CalcloudCrossValidation> {
  if (!Number.isInteger(folds) || folds < 2) throw new Error(`cross-validation needs at least 2 folds (got ${folds})`);
  const config = resolveCalcloudConfig(options);
  const testFolds = stratifiedFolds(rows.map((r) => r.memBin), folds, config.seed);
  const perFold: CalcloudCrossValidation['perFold'] = [];
  for (const [f, test] of testFolds.entries()) {
    const inTest = new Set(test);
    const learning = rows.map((_, i) => i).filter((i) => !inTest.has(i));
    const { bundle, metrics } = await trainCalcloudOnSplit(calcloudSplitOf(rows, learning, test, config), config, { priceTablePath: options.priceTablePath });
    bundle.dispose();
    perFold.push({ accuracy: metrics.accuracy, mem_rmse: metrics.mem_rmse, wall_rmse: metrics.wall_rmse, kill_coverage: metrics.kill_coverage });
    options.onProgress?.(`fold ${f + 1}/${folds}: ${JSON.stringify(perFold[f])}`);
  }
  const summarise = (statistic: (values: number[]) => number) =>
    Object.fromEntries(FIGURES.map((figure) => [figure, statistic(perFold.map((fold) => fold[figure]))])) as Record<Figure, number>;
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return {
    folds,
    perFold,
    mean: summarise(mean),
    std: summarise((values) => Math.sqrt(mean(values.map((v) => (v - mean(values)) ** 2)))),
  };
}
