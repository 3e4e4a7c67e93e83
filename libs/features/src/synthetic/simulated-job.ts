/**
 * What the simulator decides about one job, before it is written as HySDS documents. Times are epoch milliseconds.
 */
export type AttemptOutcome =
  /** finished with exit code 0 */
  | 'completed'
  /** killed for exceeding the memory of its instance or job definition */
  | 'out-of-memory'
  /** the command failed on its own */
  | 'error'
  /** killed at the job type's time limit */
  | 'timeout'
  /** the worker vanished mid-run (HySDS marks the job offline) */
  | 'offline'
  /** still running when the history ends */
  | 'running'
  /** still waiting in its queue when the history ends */
  | 'waiting';

export interface SimulatedAttempt {
  readonly queue: string;
  readonly instance: string;
  readonly queuedAt: number;
  readonly startedAt: number | null;
  readonly endedAt: number | null;
  readonly outcome: AttemptOutcome;
  readonly exitCode: number | null;
  readonly localizeSeconds: number;
  readonly commandSeconds: number;
  readonly stageSeconds: number;
  readonly peakMemoryBytes: number;
  readonly host: WorkerHost;
}

/** The worker an attempt ran on, and the Celery task that carried it. */
export interface WorkerHost {
  readonly taskId: string;
  /** EC2 private DNS name, e.g. ip-10-0-3-4.us-west-2.compute.internal */
  readonly hostname: string;
  readonly publicIp: string;
  readonly instanceId: string;
  readonly availabilityZone: string;
  readonly pid: number;
}

/** Imperfections of real HySDS documents that readers must survive. */
export interface DocumentQuirks {
  /** `instance-type`: facts without ec2_instance_type; `all`: no facts at all. */
  readonly missingFacts: 'none' | 'instance-type' | 'all';
  /** job_info dates written as `…+00:00Z` */
  readonly oddTimestamps: boolean;
}

export interface SimulatedJob {
  readonly type: string;
  readonly payloadId: string;
  readonly payloadHash: string;
  readonly priority: number;
  readonly username: string;
  readonly tags: readonly string[];
  readonly quirks: DocumentQuirks;
  readonly submittedAt: number;
  /** The queue the job was first submitted to. */
  readonly queue: string;
  /** How the job ended outside of its attempts: deduplicated at submission, or revoked while waiting. */
  readonly disposition: 'run' | 'deduped' | 'revoked';
  /** When a revoked job was revoked. */
  readonly revokedAt: number | null;
  readonly timeLimitSeconds: number;
  readonly params: Readonly<Record<string, unknown>>;
  readonly inputBytes: readonly number[];
  readonly outputBytes: readonly number[];
  /** Empty when the job never ran (deduped, revoked). */
  readonly attempts: readonly SimulatedAttempt[];
}
