import { setTimeout as sleep } from 'node:timers/promises';
import type { JobRunRepository, ModelRegistryRepository, TrainingRun } from '@jobcast/db';
import { findModelFamily } from '@jobcast/models';
import { TrainingService, TrainingSlot } from '@jobcast/trainer';
import type { INestApplicationContext } from '@nestjs/common';
import type { ProgressDisplay } from './progress-display';

const POLL_MS = 500;

/**
 * Trains the given families one after another on the whole history (window 0 = all of it) through the trainer's own
 * pipeline (evaluate → gate → register → promote), showing the network and epoch in progress.
 * Returns the finished runs.
 */
export async function trainModels(app: INestApplicationContext, families: readonly string[], progress: ProgressDisplay): Promise<TrainingRun[]> {
  const training = app.get(TrainingService);
  const slot = app.get(TrainingSlot);
  const finished: TrainingRun[] = [];
  for (const family of families) {
    const started = await training.trigger({ family, windowDays: 0 }, 'manual');
    const idle = slot.idle();
    let done = false;
    void idle.finally(() => (done = true));
    while (!done) {
      const runs = await Promise.all(started.map((run) => training.get(run.id)));
      progress.update(`training: ${runs.map(describeRun).join(' · ')}`);
      await Promise.race([idle, sleep(POLL_MS)]);
    }
    finished.push(...(await Promise.all(started.map((run) => training.get(run.id)))));
  }
  return finished;
}

/**
 * Families the history can feed: enough job runs of the family's source. A family without them is reported instead
 * of started (a doomed run still pays for its worker's start-up).
 */
export async function trainableFamilies(jobRuns: JobRunRepository, names: readonly string[]): Promise<{ trainable: string[]; skipped: string[] }> {
  const trainable: string[] = [];
  const skipped: string[] = [];
  for (const name of names) {
    const family = findModelFamily(name);
    const rows = await jobRuns.count(family.source ? { source: family.source } : {});
    if (rows >= family.minRows) trainable.push(name);
    else skipped.push(`${name}: not trained (the history has ${rows} job runs${family.source ? ` from ${family.source}` : ''}, it needs at least ${family.minRows})`);
  }
  return { trainable, skipped };
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
