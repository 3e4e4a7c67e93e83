import { CALCLOUD_JOB_TYPE_PREFIX } from '../calcloud/calcloud-instruments';
import { instanceType } from './instance-types';
import type { SimulatedAttempt, SimulatedJob } from './simulated-job';
import { dailyIndex, dayPath, isoMicros, isoMicrosOdd, jobIdStamp } from './timestamps';

/**
 * A HySDS `job_status` document as Mozart stores it (see docs/reference.md §1). Typed only as far as the generator
 * needs; readers must treat real documents as untrusted.
 */
export interface SyntheticJobStatusDocument {
  resource: 'job';
  type: string;
  status: string;
  '@timestamp': string;
  '@version': '1';
  uuid: string;
  job_id: string;
  payload_id: string;
  payload_hash: string;
  dedup: boolean;
  tags: string[];
  user_tags?: string[];
  celery_hostname?: string;
  error?: string;
  short_error?: string;
  traceback?: string;
  signum?: number;
  job: {
    job_id: string;
    name: string;
    type: string;
    task_id: string;
    priority: number;
    tag?: string;
    username: string;
    container_image_name: string;
    retry_count?: number;
    delivery_info: { routing_key: string; priority: number; redelivered: boolean };
    params: Record<string, unknown>;
    job_info: Record<string, unknown>;
  };
}

type Stage = 'queued' | 'started' | 'final';
const gb = 1024 ** 3;

/**
 * The documents one job leaves behind. Without updates: only its last state (what a scrape of the index sees).
 * With updates: every state in order (queued → started → failed → queued again → …), each overwriting the same
 * payload_id, as an ingestion pipeline reading a live index would receive them.
 */
export function jobStatusDocuments(job: SimulatedJob, withUpdates: boolean): SyntheticJobStatusDocument[] {
  if (job.attempts.length === 0) {
    const final = dispositionDocument(job);
    return withUpdates && job.disposition === 'revoked' ? [waitingDocument(job), final] : [final];
  }
  if (!withUpdates) return [attemptDocument(job, job.attempts.length - 1, 'final')];
  const documents: SyntheticJobStatusDocument[] = [];
  job.attempts.forEach((attempt, index) => {
    const last = index === job.attempts.length - 1;
    if (attempt.outcome !== 'waiting') documents.push(attemptDocument(job, index, 'queued'));
    if (attempt.startedAt !== null && attempt.outcome !== 'running') documents.push(attemptDocument(job, index, 'started'));
    if (!last) documents.push(attemptDocument(job, index, 'final'));
  });
  documents.push(attemptDocument(job, job.attempts.length - 1, 'final'));
  return documents;
}

function statusOf(attempt: SimulatedAttempt): string {
  switch (attempt.outcome) {
    case 'completed':
      return 'job-completed';
    case 'out-of-memory':
    case 'error':
    case 'timeout':
      return 'job-failed';
    case 'offline':
      return 'job-offline';
    case 'running':
      return 'job-started';
    case 'waiting':
      return 'job-queued';
  }
}

function attemptDocument(job: SimulatedJob, index: number, stage: Stage): SyntheticJobStatusDocument {
  const attempt = job.attempts[index];
  const status = stage === 'queued' ? 'job-queued' : stage === 'started' ? 'job-started' : statusOf(attempt);
  const failed = status === 'job-failed';
  const stamp = job.quirks.oddTimestamps ? isoMicrosOdd : isoMicros;
  const jobInfo: Record<string, unknown> = {
    id: jobId(job),
    job_queue: attempt.queue,
    index: failed ? 'job_failed' : dailyIndex(job.submittedAt),
    time_queued: stamp(attempt.queuedAt),
    time_limit: job.timeLimitSeconds,
    soft_time_limit: Math.max(60, job.timeLimitSeconds - 60),
  };
  let timestamp = attempt.queuedAt;
  const started = stage !== 'queued' && attempt.startedAt !== null;
  if (started) {
    timestamp = attempt.startedAt!;
    Object.assign(jobInfo, workerFields(job, attempt), { time_start: stamp(attempt.startedAt!) });
  }
  const ended = stage === 'final' && attempt.endedAt !== null;
  if (ended) timestamp = attempt.endedAt!;
  if (ended && attempt.outcome !== 'offline') {
    const cmdStart = attempt.startedAt! + attempt.localizeSeconds * 1000;
    Object.assign(jobInfo, {
      time_end: stamp(attempt.endedAt!),
      duration: round3((attempt.endedAt! - attempt.startedAt!) / 1000),
      cmd_start: stamp(cmdStart),
      cmd_end: stamp(cmdStart + attempt.commandSeconds * 1000),
      cmd_duration: attempt.commandSeconds,
      ...(attempt.exitCode === null ? {} : { status: attempt.exitCode }),
      metrics: metrics(job, attempt),
    });
  }
  const document = envelope(job, attempt.host.taskId, status, timestamp, index);
  document.job.job_info = jobInfo;
  document.job.delivery_info.routing_key = attempt.queue;
  document.job.delivery_info.redelivered = index > 0;
  if (started) document.celery_hostname = `celery@${attempt.host.hostname}`;
  if (ended && failed) Object.assign(document, failure(job, attempt));
  return document;
}

/** A job that never ran: deduplicated at submission or revoked while it waited. */
function dispositionDocument(job: SimulatedJob): SyntheticJobStatusDocument {
  const revoked = job.disposition === 'revoked';
  const document = waitingDocument(job);
  document.status = revoked ? 'job-revoked' : 'job-deduped';
  document['@timestamp'] = isoMicros(revoked ? job.revokedAt! : job.submittedAt + 400);
  if (!revoked) document.dedup = true;
  return document;
}

function waitingDocument(job: SimulatedJob): SyntheticJobStatusDocument {
  const document = envelope(job, job.payloadId, 'job-queued', job.submittedAt, 0);
  document.job.job_info = {
    id: jobId(job),
    job_queue: document.job.delivery_info.routing_key,
    index: dailyIndex(job.submittedAt),
    time_queued: (job.quirks.oddTimestamps ? isoMicrosOdd : isoMicros)(job.submittedAt),
    time_limit: job.timeLimitSeconds,
    soft_time_limit: Math.max(60, job.timeLimitSeconds - 60),
  };
  return document;
}

function envelope(job: SimulatedJob, taskId: string, status: string, timestamp: number, retries: number): SyntheticJobStatusDocument {
  const name = jobName(job.type);
  const version = job.type.slice(job.type.indexOf(':') + 1);
  const document: SyntheticJobStatusDocument = {
    resource: 'job',
    type: job.type,
    status,
    '@timestamp': isoMicros(timestamp),
    '@version': '1',
    uuid: taskId,
    job_id: jobId(job),
    payload_id: job.payloadId,
    payload_hash: job.payloadHash,
    dedup: false,
    tags: [...job.tags],
    job: {
      job_id: jobId(job),
      name,
      type: job.type,
      task_id: taskId,
      priority: job.priority,
      username: job.username,
      container_image_name: `container-${name.toLowerCase()}:${version}`,
      delivery_info: { routing_key: job.queue, priority: job.priority, redelivered: false },
      params: { ...job.params },
      job_info: {},
    },
  };
  if (job.tags.length > 0) {
    document.user_tags = [...job.tags];
    document.job.tag = job.tags[0];
  }
  if (retries > 0) document.job.retry_count = retries;
  return document;
}

function workerFields(job: SimulatedJob, attempt: SimulatedAttempt): Record<string, unknown> {
  const node = attempt.host.hostname;
  const jobDir = `/data/work/jobs/${dayPath(attempt.startedAt!)}/${jobId(job)}`;
  const fields: Record<string, unknown> = {
    execute_node: node,
    public_ip: attempt.host.publicIp,
    pid: attempt.host.pid,
    job_dir: jobDir,
    job_url: `https://${attempt.host.publicIp}:8085${jobDir}`,
  };
  if (job.quirks.missingFacts !== 'all') {
    const machine = instanceType(attempt.instance);
    fields['facts'] = {
      ...(job.quirks.missingFacts === 'none' ? { ec2_instance_type: attempt.instance } : {}),
      ec2_instance_id: attempt.host.instanceId,
      ec2_placement_availability_zone: attempt.host.availabilityZone,
      processorcount: String(machine.vcpus),
      memorysize_mb: String(machine.memoryGb * 1024),
      hysds_execute_node: node,
    };
  }
  return fields;
}

function metrics(job: SimulatedJob, attempt: SimulatedAttempt): Record<string, unknown> {
  const start = attempt.startedAt!;
  const inputs = transfers(job.inputBytes, start, attempt.localizeSeconds).map((t, i) => ({
    url: `s3://${bucket(job)}/inputs/${job.payloadId.slice(0, 8)}/input_${i}.dat`,
    path: `input_${i}.dat`,
    ...t,
  }));
  const cmdEnd = start + (attempt.localizeSeconds + attempt.commandSeconds) * 1000;
  const completed = attempt.outcome === 'completed';
  const products = completed
    ? transfers(job.outputBytes, cmdEnd, attempt.stageSeconds).map((t, i) => {
        const id = `${jobName(job.type)}-${job.payloadId.slice(0, 8)}-${i}`;
        return { id, urls: [`s3://${bucket(job)}/products/${id}`], path: id, ...t };
      })
    : [];
  const outputBytes = products.reduce((total, p) => total + p.disk_usage, 0);
  const inputBytes = inputs.reduce((total, p) => total + p.disk_usage, 0);
  const limitBytes = instanceType(attempt.instance).memoryGb * gb;
  const commandNanos = Math.round(attempt.commandSeconds * 1e9);
  return {
    job_dir_size: inputBytes + outputBytes + 4096,
    inputs_localized: inputs,
    products_staged: products,
    usage_stats: [
      {
        wall_time: commandNanos,
        user_cpu_time: Math.round(commandNanos * 0.85),
        system_cpu_time: Math.round(commandNanos * 0.04),
        cgroups: {
          memory_stats: {
            max_usage: attempt.peakMemoryBytes,
            usage: Math.round(attempt.peakMemoryBytes * 0.6),
            limit: limitBytes,
          },
        },
      },
    ],
  };
}

/** Transfers run one after the other inside the window, each taking time in proportion to its size. */
function transfers(sizes: readonly number[], windowStart: number, windowSeconds: number) {
  const total = sizes.reduce((a, b) => a + b, 0) || 1;
  let cursor = windowStart;
  return sizes.map((bytes) => {
    const duration = round3((windowSeconds * bytes) / total);
    const entry = {
      disk_usage: bytes,
      time_start: isoMicros(cursor),
      time_end: isoMicros(cursor + duration * 1000),
      duration,
      transfer_rate: duration > 0 ? Math.round(bytes / duration) : 0,
    };
    cursor += duration * 1000;
    return entry;
  });
}

function failure(job: SimulatedJob, attempt: SimulatedAttempt): Partial<SyntheticJobStatusDocument> {
  const hst = job.type.startsWith(CALCLOUD_JOB_TYPE_PREFIX);
  switch (attempt.outcome) {
    case 'out-of-memory': {
      const shortError = hst ? 'OutOfMemoryError: Container killed due to memory usage' : 'Container killed: out of memory (OOMKilled)';
      return {
        short_error: shortError,
        error: `${shortError}; command exited with code ${attempt.exitCode}`,
        traceback: `Traceback (most recent call last):\n  File "hysds/job_worker.py", line 1289, in run_job\nhysds.utils.JobFailedException: ${shortError}`,
        signum: 9,
      };
    }
    case 'timeout':
      return {
        short_error: 'TimeLimitExceeded',
        error: `TimeLimitExceeded: job exceeded its time limit of ${job.timeLimitSeconds} s`,
        traceback: 'Traceback (most recent call last):\n  File "celery/app/trace.py", line 451, in trace_task\nbilliard.exceptions.TimeLimitExceeded',
        signum: 9,
      };
    default: {
      const shortError = `Got non-zero exit code: ${attempt.exitCode}`;
      return {
        short_error: shortError,
        error: `${shortError}. Check _stderr.txt in the job directory.`,
        traceback: `Traceback (most recent call last):\n  File "hysds/job_worker.py", line 1289, in run_job\nhysds.utils.JobFailedException: ${shortError}`,
      };
    }
  }
}

// Every document of a job repeats its id several times; remember the last one instead of formatting it again.
let lastJob: SimulatedJob | null = null;
let lastJobId = '';

function jobId(job: SimulatedJob): string {
  if (job !== lastJob) {
    lastJob = job;
    lastJobId = `${jobName(job.type)}-${jobIdStamp(job.submittedAt)}`;
  }
  return lastJobId;
}

/** `job-hello_world:develop` → `hello_world` */
function jobName(type: string): string {
  return type.slice(type.startsWith('job-') ? 4 : 0, type.includes(':') ? type.indexOf(':') : undefined);
}

function bucket(job: SimulatedJob): string {
  return job.type.startsWith(CALCLOUD_JOB_TYPE_PREFIX) ? 'hstdp-calcloud' : 'hysds-datasets';
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
