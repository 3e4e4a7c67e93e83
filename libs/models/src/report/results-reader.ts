import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../calcloud/csv-table';

/** A results folder loaded back: what `jobcast report` summarises and plots. */
export interface LoadedResults {
  summary: Record<string, unknown>;
  confusion: number[][];
  confusionNormalised: number[][];
  report: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  roc: Record<string, { auc: number; fpr: number[]; tpr: number[] }>;
  histories: Record<'mem_bin' | 'memory' | 'wallclock', { loss: number[]; val_loss: number[]; best_epoch: number }>;
  regressors: Record<'memory' | 'wallclock', { loss: Record<string, number>; truth: number[]; predicted: number[] }>;
  killTime: Record<string, number>;
  costAware: Record<string, unknown>;
}

/** Reads `<dir>/results` (or `dir` itself when it is the results folder); names the first missing file. */
export function readCalcloudResults(dir: string): LoadedResults {
  const root = existsSync(join(dir, 'results', 'summary.json')) ? join(dir, 'results') : dir;
  const path = (...parts: string[]) => {
    const full = join(root, ...parts);
    if (!existsSync(full)) throw new Error(`${full} not found: ${dir} is not a calcloud results folder`);
    return full;
  };
  const json = (...parts: string[]) => JSON.parse(readFileSync(path(...parts), 'utf8'));
  const matrix = (...parts: string[]) => parseCsv(readFileSync(path(...parts), 'utf8')).rows.map((row) => row.slice(1).map(Number));
  const regressor = (name: 'memory' | 'wallclock') => {
    const rows = parseCsv(readFileSync(path(name, 'predictions.csv'), 'utf8')).rows;
    return { loss: json(name, 'loss.json'), truth: rows.map((r) => Number(r[1])), predicted: rows.map((r) => Number(r[2])) };
  };
  return {
    summary: json('summary.json'),
    confusion: matrix('mem_bin', 'cmx.csv'),
    confusionNormalised: matrix('mem_bin', 'cmx_norm.csv'),
    report: json('mem_bin', 'report.json'),
    roc: json('mem_bin', 'roc_auc.json'),
    histories: { mem_bin: json('mem_bin', 'history.json'), memory: json('memory', 'history.json'), wallclock: json('wallclock', 'history.json') },
    regressors: { memory: regressor('memory'), wallclock: regressor('wallclock') },
    killTime: json('kill_time.json'),
    costAware: json('cost_aware.json'),
  };
}
