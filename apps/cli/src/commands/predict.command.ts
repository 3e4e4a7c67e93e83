import { readFileSync, writeFileSync } from 'node:fs';
import { CalcloudFeatures, CalcloudInputError, encodeCalcloudRecord, formatCsv, loadCalcloudBundle, parseCsv, toRecord } from '@jobcast/models';
import type { Command } from 'commander';

interface PredictCalcloudFlags {
  models: string;
  input: string;
  output: string;
}

const PREDICTION_COLUMNS = ['bin_pred', 'bin_probs', 'mem_pred', 'wall_pred', 'kill_time', 'bin_cost_aware', 'error'];

/**
 * `jobcast predict calcloud --models <dir>/models --input <csv> --output <csv>`: the input rows plus the predictions;
 * a row that cannot be encoded keeps empty prediction cells and says why in `error`.
 */
export function register(program: Command): void {
  const predict = program.commands.find((c) => c.name() === 'predict') ?? program.command('predict').description('predict with trained models');
  predict
    .command('calcloud')
    .description('predict memory bin, memory, wallclock, kill time and cost-aware bin for calcloud jobs')
    .requiredOption('--models <dir>', 'models folder written by "jobcast train calcloud"')
    .requiredOption('--input <csv>', 'jobs: encoded columns (n_files, total_mb, drizcorr, ...) or raw keywords (DETECTOR, ..., ipst)')
    .requiredOption('--output <csv>', 'where to write the rows with predictions')
    .action(async (flags: PredictCalcloudFlags) => predictCalcloud(flags));
}

async function predictCalcloud(flags: PredictCalcloudFlags): Promise<void> {
  const bundle = await loadCalcloudBundle(flags.models);
  const { header, rows } = parseCsv(readFileSync(flags.input, 'utf8'));
  // the calcloud export already carries empty bin_pred / mem_pred / wall_pred columns: fill those, append the rest
  const kept = header.filter((name) => !PREDICTION_COLUMNS.includes(name));
  const valid: Array<{ index: number; features: CalcloudFeatures }> = [];
  const errors = new Map<number, string>();
  rows.forEach((cells, index) => {
    try {
      valid.push({ index, features: encodeCalcloudRecord(toRecord(header, cells)) });
    } catch (error) {
      if (!(error instanceof CalcloudInputError)) throw error;
      errors.set(index, error.message);
    }
  });
  const predictions = bundle.predictValid(valid.map((v) => v.features));
  bundle.dispose();
  const byRow = new Map(valid.map((v, k) => [v.index, predictions[k]]));
  const output = rows.map((cells, index) => {
    const record = toRecord(header, cells);
    const prediction = byRow.get(index);
    const base = kept.map((name) => record[name]);
    if (!prediction) return [...base, '', '', '', '', '', '', errors.get(index) ?? ''];
    return [
      ...base,
      prediction.memBin,
      JSON.stringify(prediction.binProbs.map((p) => Number(p.toFixed(6)))),
      prediction.memoryGb.toFixed(4),
      prediction.wallclockSeconds.toFixed(1),
      prediction.killTimeSeconds,
      prediction.costAwareBin,
      '',
    ];
  });
  writeFileSync(flags.output, formatCsv([...kept, ...PREDICTION_COLUMNS], output));
  process.stderr.write(`${predictions.length} rows predicted, ${errors.size} rows with errors, written to ${flags.output}\n`);
}
