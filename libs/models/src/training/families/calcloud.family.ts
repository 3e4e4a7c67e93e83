import type { JobRun } from '@jobcast/contracts';
import { CALCLOUD_BYTES_PER_GB, CALCLOUD_FEATURE_NAMES as CALCLOUD_ENCODED_KEYS } from '@jobcast/features';
import {
  type CalcloudBundle,
  type CalcloudConfigName,
  CALCLOUD_CONFIGS,
  type CalcloudRow,
  encodeCalcloudJobRun,
  loadCalcloudBundle,
  memoryBinOf,
  resolveCalcloudConfig,
  saveCalcloudBundle,
  trainCalcloud,
} from '../../calcloud';
import type { ParamSet } from '../autoname';
import type { EpochProgress, ModelFamily } from '../model-family';

/**
 * The `calcloud` family: the memory-bin classifier, memory regressor and wallclock regressor of reference §4, trained
 * by `trainCalcloud` on every job run that carries calcloud's inputs: rows imported from calcloud's CSV, and HySDS
 * calibration jobs whose params the normalizer encoded (reference §4). Early stopping is the estimators' own (each one's `patience` on its
 * validation loss, per run). Scored by bin accuracy; memory and wallclock RMSE are recorded beside it.
 */
export const calcloudFamily: ModelFamily<CalcloudBundle> = {
  name: 'calcloud',
  kind: 'calcloud-models',
  // trainCalcloud needs 50 rows after the trainer's 20 % holdout
  minRows: 80,
  primaryMetric: { name: 'accuracy', direction: 'maximize' },
  defaultParams: { config: 'default', epochsScale: 1, seed: 42 },
  // each estimator stops on its own patience (calcloud config); trainCalcloud takes no stop signal
  stopsOnRequest: false,

  usable(row) {
    return toCalcloudRow(row) !== null;
  },

  async fit(train, validation, params, hooks) {
    const options = calcloudOptions(params);
    const totals = epochBudgets(options.config, options.epochsScale);
    const rows = [...train, ...validation].map(toCalcloudRow).filter((row): row is CalcloudRow => row !== null);
    const { bundle } = await trainCalcloud(rows, {
      ...options,
      onProgress: (message) => {
        const progress = epochProgressOf(message, totals);
        if (progress) hooks.onEpoch(progress);
      },
    });
    return bundle;
  },

  save: async (bundle, dir) => {
    await saveCalcloudBundle(bundle, dir);
  },
  load: (dir) => loadCalcloudBundle(dir),

  async evaluate(bundle, rows): Promise<Record<string, number>> {
    const usable = rows.map(toCalcloudRow).filter((row): row is CalcloudRow => row !== null);
    if (usable.length === 0) return {};
    const predictions = bundle.predictBatch(usable.map((row) => row.features));
    let correct = 0;
    let memorySquared = 0;
    let wallSquared = 0;
    predictions.forEach((prediction, index) => {
      const truth = usable[index];
      if (prediction.memBin === truth.memBin) correct += 1;
      memorySquared += (prediction.memoryGb - truth.memoryGb) ** 2;
      wallSquared += (prediction.wallclockSeconds - truth.wallclockSeconds) ** 2;
    });
    return {
      accuracy: correct / usable.length,
      mem_rmse: Math.sqrt(memorySquared / usable.length),
      wall_rmse: Math.sqrt(wallSquared / usable.length),
      scored_rows: usable.length,
    };
  },

  dispose: (bundle) => bundle.dispose(),
};

/** A job run with calcloud's inputs, both targets and valid values, as the training code takes it; null otherwise. */
function toCalcloudRow(run: JobRun): CalcloudRow | null {
  if (!carriesCalcloudInputs(run) || run.peakMemoryBytes === null || run.durationSeconds === null) return null;
  try {
    const memoryGb = run.peakMemoryBytes / CALCLOUD_BYTES_PER_GB;
    return { id: run.payloadId, features: encodeCalcloudJobRun(run), memoryGb, wallclockSeconds: run.durationSeconds, memBin: memoryBinOf(memoryGb) };
  } catch {
    return null;
  }
}

/** Calcloud rows, or HySDS runs whose features hold the nine calcloud inputs the normalizer encoded. */
function carriesCalcloudInputs(run: JobRun): boolean {
  return run.source === 'calcloud' || CALCLOUD_ENCODED_KEYS.every((name) => name in run.features);
}

function calcloudOptions(params: ParamSet): { config: CalcloudConfigName; epochsScale: number; seed: number } {
  const known = ['config', 'epochsScale', 'seed'];
  for (const name of Object.keys(params)) {
    if (!known.includes(name)) throw new Error(`calcloud family has no parameter "${name}" (known: ${known.join(', ')})`);
  }
  const { config, epochsScale, seed } = params;
  if (typeof config !== 'string' || !(config in CALCLOUD_CONFIGS)) {
    throw new Error(`calcloud parameter "config" must be one of ${Object.keys(CALCLOUD_CONFIGS).join(', ')}, got ${JSON.stringify(config)}`);
  }
  if (typeof epochsScale !== 'number' || !(epochsScale > 0)) throw new Error(`calcloud parameter "epochsScale" must be > 0, got ${JSON.stringify(epochsScale)}`);
  if (typeof seed !== 'number' || !Number.isInteger(seed)) throw new Error(`calcloud parameter "seed" must be an integer, got ${JSON.stringify(seed)}`);
  return { config: config as CalcloudConfigName, epochsScale, seed };
}

/** Epochs (networks) or boosting rounds (trees) each estimator may run, for the progress figures. */
function epochBudgets(config: CalcloudConfigName, epochsScale: number): Record<string, number> {
  const resolved = resolveCalcloudConfig({ config, epochsScale });
  const budget = (settings: typeof resolved.memClf) =>
    Math.max(1, Math.round((settings.kind === 'network' ? settings.network.epochs : settings.trees.rounds) * epochsScale));
  return { mem_clf: budget(resolved.memClf), mem_reg: budget(resolved.memReg), wall_reg: budget(resolved.wallReg) };
}

/** trainCalcloud reports `<model> <kind> step <n>: loss <x> val_loss <y>` every few steps. */
const STEP_MESSAGE = /^(mem_clf|mem_reg|wall_reg) \S+ step (\d+): loss (\S+) val_loss (\S+)$/;

function epochProgressOf(message: string, totals: Record<string, number>): EpochProgress | null {
  const match = STEP_MESSAGE.exec(message);
  if (!match) return null;
  return { model: match[1], epoch: Number(match[2]), totalEpochs: totals[match[1]], loss: Number(match[3]), valLoss: Number(match[4]) };
}
