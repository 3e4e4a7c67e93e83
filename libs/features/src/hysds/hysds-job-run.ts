import { type JobRun, JobStatusDocumentKnownFields, type JobStatusTransfer } from '@jobcast/contracts';
import { encodeCalcloudKeywords } from '../calcloud/calcloud-features';
import type { NormalizeResult } from '../normalization/normalize-result';
import { describeIssues, validatedRun } from '../normalization/validated-run';
import { readKnownFields } from './known-fields-reader';
import { paramsToFeatures } from './params-features';
import { peakMemoryBytes } from './peak-memory';

const MAX_TAGS = 32;
const MAX_TAG_LENGTH = 256;

/**
 * A HySDS `job_status` document → `JobRun` (docs/reference.md §1), or the reason it cannot be one.
 * Accepts anything (it reads untrusted search-engine documents) and never throws.
 *
 * - job type: `type`, else `job.type`; queue: `job.job_info.job_queue`, else `job.delivery_info.routing_key`;
 *   instance: `job_info.facts.ec2_instance_type`; cpus: `facts.processorcount`; exit code: `job_info.status`.
 * - queue wait = time_start − time_queued; duration = `job_info.duration`, else time_end − time_start; command
 *   duration = `cmd_duration`, else cmd_end − cmd_start. A negative difference (clock skew) is unknown (null).
 * - inputs: count and summed `disk_usage` of `metrics.inputs_localized`; output bytes: of `products_staged`.
 * - peak memory: see peakMemoryBytes (usage_stats cgroup figures).
 * - features: scalar job params, flattened and bounded; calcloud keywords in the params add calcloud's encoding.
 */
export function normalizeJobStatus(input: unknown): NormalizeResult {
  // Unknown fields are not needed here: the caller keeps the original document as the run's raw record. The hand
  // reader takes the documents it can read plainly; the schema decides (and explains) everything else.
  let document = readKnownFields(input);
  if (document === undefined) {
    const parsed = JobStatusDocumentKnownFields.safeParse(input);
    if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error.issues) };
    document = parsed.data;
  }
  const job = document.job ?? undefined;
  const info = job?.job_info ?? undefined;
  const facts = info?.facts ?? undefined;
  const metrics = info?.metrics ?? undefined;

  const jobType = nonEmpty(document.type) ?? nonEmpty(job?.type);
  if (jobType === null) return { ok: false, reason: 'type: missing (neither type nor job.type is set)' };

  const queuedAt = info?.time_queued ?? null;
  const startedAt = info?.time_start ?? null;
  const endedAt = info?.time_end ?? null;
  const inputs = metrics?.inputs_localized ?? null;
  const outputs = metrics?.products_staged ?? null;

  const run: JobRun = {
    payloadId: document.payload_id,
    source: 'hysds',
    jobId: nonEmpty(document.job_id) ?? nonEmpty(job?.job_id),
    jobType,
    queue: nonEmpty(info?.job_queue) ?? nonEmpty(job?.delivery_info?.routing_key),
    instanceType: nonEmpty(facts?.ec2_instance_type),
    status: document.status,
    exitCode: info?.status ?? null,
    queuedAt,
    startedAt,
    endedAt,
    updatedAt: document['@timestamp'],
    queueWaitSeconds: secondsBetween(queuedAt, startedAt),
    durationSeconds: nonNegative(info?.duration) ?? secondsBetween(startedAt, endedAt),
    commandDurationSeconds: nonNegative(info?.cmd_duration) ?? secondsBetween(info?.cmd_start ?? null, info?.cmd_end ?? null),
    inputCount: inputs === null ? null : inputs.length,
    inputBytes: totalDiskUsage(inputs),
    outputBytes: totalDiskUsage(outputs),
    peakMemoryBytes: peakMemoryBytes(metrics?.usage_stats),
    cpuCount: nonNegative(facts?.processorcount),
    tags: tagsOf(document.tags, document.user_tags),
    features: featuresOf(job?.params),
  };
  return validatedRun(run);
}

function featuresOf(params: unknown): JobRun['features'] {
  const features: JobRun['features'] = paramsToFeatures(params);
  const calcloud = typeof params === 'object' && params !== null ? encodeCalcloudKeywords(params as Record<string, unknown>) : undefined;
  return calcloud ? { ...features, ...calcloud } : features;
}

function nonEmpty(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

function nonNegative(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && value >= 0 ? value : null;
}

function secondsBetween(from: string | null, to: string | null): number | null {
  if (from === null || to === null) return null;
  return nonNegative((Date.parse(to) - Date.parse(from)) / 1000);
}

/** Sum of the transfers' `disk_usage`; null when the list is absent or none reports a size. */
function totalDiskUsage(transfers: readonly JobStatusTransfer[] | null): number | null {
  let total: number | null = null;
  for (const transfer of transfers ?? []) {
    const size = nonNegative(transfer.disk_usage);
    if (size !== null) total = (total ?? 0) + size;
  }
  return total;
}

/** `tags` then `user_tags`, without duplicates or oversized entries, bounded in number. */
function tagsOf(...lists: Array<string[] | null | undefined>): string[] {
  const tags = new Set<string>();
  for (const tag of lists.flatMap((list) => list ?? [])) {
    const trimmed = tag.trim();
    if (trimmed !== '' && trimmed.length <= MAX_TAG_LENGTH && tags.size < MAX_TAGS) tags.add(trimmed);
  }
  return [...tags];
}
