import type { LoadedResults } from './results-reader';
import { heatmapSvg, lineChartSvg, scatterSvg, Series } from './svg-charts';

const MAX_POINTS = 3000;

/** Plain-text summary of a results folder (what `jobcast report` prints). */
export function summariseCalcloudResults(results: LoadedResults): string {
  const s = results.summary as Record<string, number | string>;
  const lines = [
    `config ${s['config']} seed ${s['seed']} (${s['test_rows']} test rows, trained in ${s['train_seconds']} s)`,
    `memory bin: accuracy ${num(s['accuracy'], 4)}; ROC-AUC ${Object.entries(results.roc).map(([k, r]) => `${k} ${num(r.auc, 3)}`).join(', ')}`,
    ...Object.entries(results.report).map(([k, r]) => `  ${k}: precision ${num(r.precision, 3)} recall ${num(r.recall, 3)} f1 ${num(r.f1, 3)} support ${r.support}`),
    `  confusion (rows true, columns predicted): ${JSON.stringify(results.confusion)}`,
    `memory regressor: RMSE ${num(results.regressors.memory.loss['test_rmse'], 3)} GB (over ${num(results.regressors.memory.loss['rmse_over'], 3)}, under ${num(results.regressors.memory.loss['rmse_under'], 3)})`,
    `wallclock regressor: RMSE ${num(results.regressors.wallclock.loss['test_rmse'], 1)} s (over ${num(results.regressors.wallclock.loss['rmse_over'], 1)}, under ${num(results.regressors.wallclock.loss['rmse_under'], 1)})`,
    `kill time: coverage ${num(results.killTime['coverage'], 4)} (target ${results.killTime['coverage_target']}), median kill/actual ${num(results.killTime['median_kill_over_actual'], 2)}`,
    `cost-aware bin: under-provisioned ${pct(results.costAware['underProvisionedCostAware'])} vs argmax ${pct(results.costAware['underProvisionedArgmax'])}; ` +
      `bin-2/3 jobs put in bin 0: ${results.costAware['largeJobsInBinZeroCostAware']} vs argmax ${results.costAware['largeJobsInBinZeroArgmax']}`,
  ];
  return lines.join('\n');
}

/** One self-contained HTML page: summary plus inline SVG plots (confusion, ROC, loss curves, residuals). */
export function renderCalcloudReportHtml(results: LoadedResults): string {
  const historySeries = (name: 'mem_bin' | 'memory' | 'wallclock'): Series[] => {
    const h = results.histories[name];
    const steps = h.loss.map((_, i) => i + 1);
    return [
      { name: 'train', x: steps, y: h.loss },
      { name: 'validation', x: steps, y: h.val_loss },
    ];
  };
  const regressorPlots = (name: 'memory' | 'wallclock', unit: string) => {
    const r = results.regressors[name];
    const keep = sampleIndices(r.truth.length);
    const truth = keep.map((i) => r.truth[i]);
    const predicted = keep.map((i) => r.predicted[i]);
    return [
      scatterSvg(`${name}: predicted vs truth`, [{ name: 'jobs', x: truth, y: predicted }, { name: 'y = x', x: [Math.min(...truth), Math.max(...truth)], y: [Math.min(...truth), Math.max(...truth)] }], { x: `truth (${unit})`, y: `predicted (${unit})` }),
      scatterSvg(`${name}: residuals`, [{ name: 'truth − predicted', x: predicted, y: truth.map((t, k) => t - predicted[k]) }], { x: `predicted (${unit})`, y: `residual (${unit})` }),
      lineChartSvg(`${name}: loss`, historySeries(name), { x: 'epoch / round', y: 'loss', logY: true }),
    ];
  };
  const plots = [
    heatmapSvg('memory bin: confusion matrix', results.confusion, results.confusionNormalised),
    lineChartSvg('memory bin: ROC (one vs rest)', Object.entries(results.roc).map(([k, r]) => ({ name: `${k} AUC ${num(r.auc, 3)}`, x: r.fpr, y: r.tpr })), { x: 'false positive rate', y: 'true positive rate' }),
    lineChartSvg('memory bin: loss', historySeries('mem_bin'), { x: 'epoch / round', y: 'log-loss', logY: true }),
    ...regressorPlots('memory', 'GB'),
    ...regressorPlots('wallclock', 's'),
  ];
  const summary = summariseCalcloudResults(results).replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c] as string);
  return `<!doctype html><html><head><meta charset="utf-8"><title>calcloud results</title>` +
    `<style>body{font-family:sans-serif;margin:2em}svg{margin:0.5em;border:1px solid #eee}pre{background:#f6f6f6;padding:1em}</style></head>` +
    `<body><h1>calcloud models: test results</h1><pre>${summary}</pre><div>${plots.join('\n')}</div></body></html>\n`;
}

function sampleIndices(n: number): number[] {
  const step = Math.max(1, Math.ceil(n / MAX_POINTS));
  const out: number[] = [];
  for (let i = 0; i < n; i += step) out.push(i);
  return out;
}

function num(value: unknown, digits: number): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

function pct(value: unknown): string {
  return typeof value === 'number' ? `${(value * 100).toFixed(2)} %` : String(value);
}
