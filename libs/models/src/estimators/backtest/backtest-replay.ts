import type { JobRun, RuntimeStatistics } from '@jobcast/contracts';
import { RuntimeModel, SoamcRuntimeEstimator, runtimeQueryFromJobRun, type RuntimeModelOptions } from '../runtime';
import { QueueTimeEstimator, soamcQueueTime, type QueueTimeEstimatorOptions, type QueueWaitBound } from '../queue';
import { TimedEvents } from './timed-events';

export interface BacktestOptions {
  /** SOAMC's `nodes`: how many units of work run at once (an SWF trace's MaxProcs) */
  soamcNodes: number;
  /** units of `soamcNodes` a queued job occupies (its processors for SWF; 1 = SOAMC's one job per node) */
  soamcWeightOf?: (run: JobRun) => number;
  /** the group a job's queue wait is bounded within (its queue by default) */
  queueGroupOf?: (run: JobRun) => string;
  runtimeModel?: Partial<RuntimeModelOptions>;
  queue?: Partial<QueueTimeEstimatorOptions>;
}

/** One replayed job: what each estimator said at its submission, and what happened. */
export interface BacktestRow {
  payloadId: string;
  jobType: string;
  submittedAt: string;
  actualRuntimeSeconds: number | null;
  requestedSeconds: number | null;
  soamcRuntimeSeconds: number | null;
  jobcast: RuntimeStatistics | null;
  actualWaitSeconds: number | null;
  soamcQueueMaxSeconds: number;
  jobcastWaitBound: QueueWaitBound | null;
}

const toSeconds = (iso: string) => Date.parse(iso) / 1000;

type Event = { kind: 'started'; run: JobRun } | { kind: 'finished'; run: JobRun };

/**
 * Replays jobs in submission order. Before each job is predicted, every start and finish that happened up to
 * its submission is applied, and nothing later: a job's runtime is learnt when it finishes, its wait when it
 * starts. Each job is then asked of SOAMC's runtime rule, the user's requested time, the Jobcast runtime model,
 * SOAMC's queue formula over the jobs still queued, and the QBETS-style wait bound.
 */
export function replayBacktest(runs: readonly JobRun[], options: BacktestOptions): BacktestRow[] {
  const weightOf = options.soamcWeightOf ?? (() => 1);
  const groupOf = options.queueGroupOf ?? ((run: JobRun) => run.queue ?? 'default');
  const soamc = new SoamcRuntimeEstimator();
  const model = RuntimeModel.empty(options.runtimeModel);
  const queue = new QueueTimeEstimator(options.queue);
  const events = new TimedEvents<Event>();
  const waiting = new Map<string, JobRun>();
  const submitted = runs
    .filter((run): run is JobRun & { queuedAt: string } => run.queuedAt !== null)
    .sort((a, b) => toSeconds(a.queuedAt) - toSeconds(b.queuedAt));
  const rows: BacktestRow[] = [];

  for (const run of submitted) {
    const now = toSeconds(run.queuedAt);
    for (const event of events.popUntil(now)) {
      if (event.kind === 'started') {
        waiting.delete(event.run.payloadId);
        if (event.run.queueWaitSeconds !== null) queue.observe(groupOf(event.run), event.run.queueWaitSeconds);
      } else {
        soamc.observe(event.run);
        model.observe(event.run);
      }
    }

    const query = runtimeQueryFromJobRun(run);
    const soamcRuntime = run.instanceType === null ? null : soamc.estimate(run.jobType, run.instanceType);
    const group = groupOf(run);
    const pendingWaits: number[] = [];
    for (const other of waiting.values()) {
      if (groupOf(other) === group) pendingWaits.push(now - toSeconds(other.queuedAt as string));
    }
    const soamcQueue = soamcQueueTime(
      [...waiting.values()].map((other) => ({ jobType: other.jobType, weight: weightOf(other) })),
      options.soamcNodes,
      soamc,
    );
    rows.push({
      payloadId: run.payloadId,
      jobType: run.jobType,
      submittedAt: run.queuedAt,
      actualRuntimeSeconds: run.durationSeconds,
      requestedSeconds: query.timeLimitSeconds ?? null,
      soamcRuntimeSeconds: soamcRuntime?.mean ?? null,
      jobcast: model.estimate(query),
      actualWaitSeconds: run.queueWaitSeconds,
      soamcQueueMaxSeconds: soamcQueue.max * 86_400,
      jobcastWaitBound: queue.bound(group, pendingWaits),
    });

    // Only a job whose start is known can leave the queue; the others never enter the replay's queue.
    if (run.startedAt !== null) {
      waiting.set(run.payloadId, run);
      events.push(toSeconds(run.startedAt), { kind: 'started', run });
    }
    if (run.endedAt !== null) events.push(toSeconds(run.endedAt), { kind: 'finished', run });
  }
  return rows;
}
