import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CalcloudResults, RegressorResults } from '../calcloud/calcloud-analysis';
import { formatCsv } from '../calcloud/csv-table';

/**
 * Writes a run's test results in spacekit's layout (reference §4), as JSON and CSV:
 * `results/mem_bin/{acc_loss, cmx, cmx_norm, fnfp, history, report, roc_auc, test_idx, y_onehot, y_pred, y_scores}`,
 * `results/{memory,wallclock}/{history, loss, predictions, residuals, test_idx}`, plus `kill_time.json`,
 * `cost_aware.json` and `summary.json` (the headline metrics).
 */
export function writeCalcloudResults(results: CalcloudResults, summary: object, dir: string): string {
  const root = join(dir, 'results');
  const bin = join(root, 'mem_bin');
  mkdirSync(bin, { recursive: true });
  const classes = results.memBin.metrics.confusion.length;
  const binColumns = Array.from({ length: classes }, (_, c) => `bin_${c}`);
  const json = (path: string, value: unknown) => writeFileSync(path, JSON.stringify(value, null, 2));
  const csv = (path: string, header: string[], rows: Array<Array<string | number>>) => writeFileSync(path, formatCsv(header, rows));

  json(join(bin, 'acc_loss.json'), { accuracy: results.memBin.metrics.accuracy, loss: results.memBin.loss });
  csv(join(bin, 'cmx.csv'), ['true_bin', ...binColumns], results.memBin.metrics.confusion.map((row, c) => [c, ...row]));
  csv(join(bin, 'cmx_norm.csv'), ['true_bin', ...binColumns], results.memBin.metrics.confusionNormalised.map((row, c) => [c, ...row]));
  json(join(bin, 'fnfp.json'), { under_predicted: results.memBin.underPredicted, over_predicted: results.memBin.overPredicted });
  json(join(bin, 'history.json'), results.memBin.history);
  json(join(bin, 'report.json'), Object.fromEntries(results.memBin.metrics.report.map((r, c) => [`bin_${c}`, r])));
  json(join(bin, 'roc_auc.json'), Object.fromEntries(results.memBin.roc.map((r, c) => [`bin_${c}`, r])));
  csv(join(bin, 'test_idx.csv'), ['ipst'], results.testIds.map((id) => [id]));
  csv(join(bin, 'y_onehot.csv'), ['ipst', ...binColumns], results.memBin.truth.map((t, i) => [results.testIds[i], ...binColumns.map((_, c) => (c === t ? 1 : 0))]));
  csv(join(bin, 'y_pred.csv'), ['ipst', 'bin_true', 'bin_pred'], results.memBin.truth.map((t, i) => [results.testIds[i], t, results.memBin.predicted[i]]));
  csv(join(bin, 'y_scores.csv'), ['ipst', ...binColumns], results.memBin.scores.map((s, i) => [results.testIds[i], ...s]));

  writeRegressor(join(root, 'memory'), results.memory, results.testIds, json, csv);
  writeRegressor(join(root, 'wallclock'), results.wallclock, results.testIds, json, csv);
  json(join(root, 'kill_time.json'), {
    coverage_target: results.killTime.coverageTarget,
    coverage: results.killTime.coverage,
    median_kill_over_actual: results.killTime.medianKillOverActual,
  });
  csv(
    join(root, 'kill_time.csv'),
    ['ipst', 'wallclock', 'kill_time'],
    results.testIds.map((id, i) => [id, results.wallclock.truth[i], results.killTime.killTimeSeconds[i]]),
  );
  json(join(root, 'cost_aware.json'), results.costAware);
  json(join(root, 'summary.json'), { config: results.config, seed: results.seed, ...summary });
  return root;
}

function writeRegressor(
  dir: string,
  results: RegressorResults,
  ids: string[],
  json: (path: string, value: unknown) => void,
  csv: (path: string, header: string[], rows: Array<Array<string | number>>) => void,
): void {
  mkdirSync(dir, { recursive: true });
  json(join(dir, 'history.json'), results.history);
  json(join(dir, 'loss.json'), {
    test_rmse: results.metrics.rmse,
    test_mae: results.metrics.mae,
    rmse_over: results.metrics.rmseOver,
    rmse_under: results.metrics.rmseUnder,
    over_count: results.metrics.overCount,
    under_count: results.metrics.underCount,
    train_loss: results.history.loss[results.history.best_epoch],
    val_loss: results.history.val_loss[results.history.best_epoch],
  });
  csv(join(dir, 'predictions.csv'), ['ipst', 'truth', 'prediction'], ids.map((id, i) => [id, results.truth[i], results.predicted[i]]));
  csv(join(dir, 'residuals.csv'), ['ipst', 'residual'], ids.map((id, i) => [id, results.residuals[i]]));
  csv(join(dir, 'test_idx.csv'), ['ipst'], ids.map((id) => [id]));
}
