import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JobRun } from '@jobcast/contracts';
import { fitRuntimeModel, RuntimeModel, runtimeQueryFromJobRun } from '../../estimators/runtime';
import { loadPriceTable } from '../../pricing';
import type { ParamSet } from '../autoname';
import type { ModelFamily } from '../model-family';

/** Artifacts of the runtime family, relative to the run folder. */
export const RUNTIME_MODEL_FILE = 'models/runtime_model.json';
/** The price table the cost estimates of this model use, frozen with it so a run's costs can be reproduced. */
export const RUNTIME_PRICES_FILE = 'models/prices.json';

const OPTION_NAMES = ['windowSize', 'halfLifeSamples', 'shrinkage', 'neighbours'] as const;

/**
 * The `runtime` family: runtime per (job type, instance) fitted on every source's finished jobs, with the price table
 * that turns runtime into cost. Scored by the absolute error of the median on held-out runs.
 */
export const runtimeFamily: ModelFamily<RuntimeModel> = {
  name: 'runtime',
  kind: 'runtime-estimators',
  minRows: 20,
  primaryMetric: { name: 'runtime_mae', direction: 'minimize' },
  defaultParams: {},
  // statistics, not epochs
  stopsOnRequest: false,

  usable: (row) => row.status === 'job-completed' && row.durationSeconds !== null,

  async fit(train, _validation, params) {
    return fitRuntimeModel(train, runtimeOptions(params));
  },

  async save(model, dir) {
    await mkdir(join(dir, 'models'), { recursive: true });
    await writeFile(join(dir, RUNTIME_MODEL_FILE), JSON.stringify(model.toJSON()));
    await writeFile(join(dir, RUNTIME_PRICES_FILE), JSON.stringify(loadPriceTable(), null, 2));
  },

  async load(dir) {
    return RuntimeModel.fromJSON(JSON.parse(await readFile(join(dir, RUNTIME_MODEL_FILE), 'utf8')));
  },

  async evaluate(model, rows) {
    return scoreRuntime(model, rows);
  },
};

function runtimeOptions(params: ParamSet): Record<string, number> {
  const options: Record<string, number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (!(OPTION_NAMES as readonly string[]).includes(name)) {
      throw new Error(`runtime family has no parameter "${name}" (known: ${OPTION_NAMES.join(', ')})`);
    }
    if (typeof value !== 'number') throw new Error(`runtime parameter "${name}" must be a number, got ${JSON.stringify(value)}`);
    options[name] = value;
  }
  return options;
}

/** Error of the median estimate and coverage of the p90 bound, over every row given. */
function scoreRuntime(model: RuntimeModel, rows: JobRun[]): Record<string, number> {
  let absolute = 0;
  let squared = 0;
  let covered = 0;
  let scored = 0;
  const relative: number[] = [];
  for (const row of rows) {
    const actual = row.durationSeconds;
    const estimate = actual === null ? null : model.estimate(runtimeQueryFromJobRun(row));
    if (actual === null || estimate === null) continue;
    const error = estimate.p50 - actual;
    absolute += Math.abs(error);
    squared += error * error;
    if (actual <= estimate.p90) covered += 1;
    if (actual > 0) relative.push(Math.abs(error) / actual);
    scored += 1;
  }
  if (scored === 0) return {};
  relative.sort((a, b) => a - b);
  return {
    runtime_mae: absolute / scored,
    runtime_rmse: Math.sqrt(squared / scored),
    runtime_mdape: relative.length ? relative[Math.floor(relative.length / 2)] : Number.NaN,
    runtime_p90_coverage: covered / scored,
    scored_rows: scored,
  };
}
