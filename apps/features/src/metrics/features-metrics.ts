import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The features service's Prometheus metrics, in a registry of its own so several modules can share one process. */
export class FeaturesMetrics {
  readonly registry = new Registry();

  readonly messagesConsumed = new Counter({
    name: 'jobcast_features_messages_total',
    help: 'job-status messages handled',
    registers: [this.registry],
  });

  readonly rowsWritten = new Counter({
    name: 'jobcast_features_rows_written_total',
    help: 'job_runs rows inserted or overwritten',
    registers: [this.registry],
  });

  readonly staleSkipped = new Counter({
    name: 'jobcast_features_stale_total',
    help: 'records not written because a newer status of the job is stored',
    registers: [this.registry],
  });

  readonly deadLettered = new Counter({
    name: 'jobcast_features_dead_lettered_total',
    help: 'messages sent to the dead-letter topic, by the stage that refused them',
    labelNames: ['stage'] as const,
    registers: [this.registry],
  });

  readonly batchSeconds = new Histogram({
    name: 'jobcast_features_batch_seconds',
    help: 'time to validate, normalize and store one batch',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** process metrics (RSS, event-loop lag, GC); only for a process that runs the features service alone */
  collectProcessMetrics(): void {
    collectDefaultMetrics({ register: this.registry, prefix: 'jobcast_features_' });
  }
}
