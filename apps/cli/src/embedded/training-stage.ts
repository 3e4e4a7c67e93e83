import { setTimeout as sleep } from 'node:timers/promises';
import type { ModelRegistryRepository, TrainingRun } from '@jobcast/db';
import { TrainingService, TrainingSlot } from '@jobcast/trainer';
import type { INestApplicationContext } from '@nestjs/common';
import type { ProgressDisplay } from './progress-display';

const POLL_MS = 500;

/**
 * Trains every family the trainer knows on the whole history (window 0 = all of it) through the trainer's own
 * pipeline (evaluate → gate → register → promote), showing the network and epoch in progress.
 * Returns the finished runs.
 */
export async function trainModels(app: INestApplicationContext, progress: ProgressDisplay): Promise<TrainingRun[]> {
  const training = app.get(TrainingService);
  const started = await training.trigger({ windowDays: 0 }, 'manual');
  const idle = app.get(TrainingSlot).idle();
  let finished = false;
  void idle.finally(() => (finished = true));
  while (!finished) {
    const runs = await Promise.all(started.map((run) => training.get(run.id)));
    progress.update(`training: ${runs.map(describeRun).join(' · ')}`);
    await Promise.race([idle, sleep(POLL_MS)]);
  }
  return Promise.all(started.map((run) => training.get(run.id)));
}

/** True when every family already has a champion (a persisted --data-dir from an earlier start). */
export async function championsExist(registry: ModelRegistryRepository, families: readonly string[]): Promise<boolean> {
  const champions = await Promise.all(families.map((family) => registry.findChampion(family)));
  return champions.every((champion) => champion !== null);
}

function describeRun(run: TrainingRun): string {
  if (run.status !== 'running' || run.progress === null) return `${run.family} ${run.status}`;
  const { model, epoch, totalEpochs, loss } = run.progress;
  return `${run.family} ${model} epoch ${epoch}/${totalEpochs} loss ${loss.toPrecision(3)}`;
}

export function summarizeRun(run: TrainingRun): string {
  if (run.status !== 'succeeded') return `${run.family}: not trained (${run.status}${run.error ? `: ${run.error}` : ''})`;
  const metrics = Object.entries(run.metrics)
    .slice(0, 4)
    .map(([name, value]) => `${name} ${Number.isInteger(value) ? value : value.toPrecision(3)}`)
    .join(', ');
  return `${run.family}: trained on ${(run.rowCount ?? 0).toLocaleString('en-US')} runs${metrics ? ` (${metrics})` : ''}`;
}
