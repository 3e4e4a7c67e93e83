import type { JobRun, JobSource } from '@jobcast/contracts';
import type { Insertable, Selectable } from 'kysely';
import type { JobRunRecord } from './job-run.repository';
import type { JobRunsTable } from './job-runs.table';

/** A row as read back, without the columns only `findByPayloadId` selects. */
type JobRunRow = Omit<Selectable<JobRunsTable>, 'raw' | 'ingested_at'>;

/** Converts a run to its row. PostgreSQL text and jsonb cannot hold NUL characters, so they are dropped here. */
export function toJobRunRow({ run, raw, rawJson }: JobRunRecord): Insertable<JobRunsTable> {
  return {
    payload_id: withoutNul(run.payloadId),
    source: run.source,
    job_id: nullableText(run.jobId),
    job_type: withoutNul(run.jobType),
    queue: nullableText(run.queue),
    instance_type: nullableText(run.instanceType),
    status: withoutNul(run.status),
    exit_code: run.exitCode,
    queued_at: run.queuedAt,
    started_at: run.startedAt,
    ended_at: run.endedAt,
    updated_at: run.updatedAt,
    queue_wait_seconds: run.queueWaitSeconds,
    duration_seconds: run.durationSeconds,
    command_duration_seconds: run.commandDurationSeconds,
    input_count: run.inputCount,
    input_bytes: run.inputBytes,
    output_bytes: run.outputBytes,
    peak_memory_bytes: run.peakMemoryBytes,
    cpu_count: run.cpuCount,
    tags: run.tags.map(withoutNul),
    features: jsonText(run.features),
    raw: raw === null ? null : rawJsonText(raw, rawJson),
  };
}

export function fromJobRunRow(row: JobRunRow): JobRun {
  return {
    payloadId: row.payload_id,
    source: row.source as JobSource,
    jobId: row.job_id,
    jobType: row.job_type,
    queue: row.queue,
    instanceType: row.instance_type,
    status: row.status,
    exitCode: row.exit_code,
    queuedAt: isoOrNull(row.queued_at),
    startedAt: isoOrNull(row.started_at),
    endedAt: isoOrNull(row.ended_at),
    updatedAt: row.updated_at.toISOString(),
    queueWaitSeconds: row.queue_wait_seconds,
    durationSeconds: row.duration_seconds,
    commandDurationSeconds: row.command_duration_seconds,
    inputCount: row.input_count,
    inputBytes: row.input_bytes,
    outputBytes: row.output_bytes,
    peakMemoryBytes: row.peak_memory_bytes,
    cpuCount: row.cpu_count,
    tags: row.tags,
    features: row.features,
  };
}

function isoOrNull(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}

function nullableText(text: string | null): string | null {
  return text === null ? null : withoutNul(text);
}

/** The caller's text of the raw document unless it holds an escaped NUL (jsonb refuses those), else a fresh one. */
function rawJsonText(raw: Record<string, unknown>, rawJson: string | undefined): string {
  return rawJson !== undefined && !rawJson.includes('\\u0000') ? rawJson : jsonText(raw);
}

/** JSON text for a jsonb column; the slow NUL-stripping pass runs only when the fast one finds an escaped NUL. */
function jsonText(value: unknown): string {
  const json = JSON.stringify(value);
  if (!json.includes('\\u0000')) return json;
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' ? withoutNul(item) : item));
}
