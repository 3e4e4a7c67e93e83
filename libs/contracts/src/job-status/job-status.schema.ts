import { z } from 'zod';
import { LenientInteger, LenientNumber } from './lenient-number';
import { LenientTimestamp } from './lenient-timestamp';

/**
 * The HySDS `job_status` document as stored in Mozart's search cluster (docs/reference.md §1).
 * Lenient by design: every object keeps its unknown fields (`looseObject`), every known field is optional and
 * nullable except the three that identify a status change, numbers may arrive as text and dates in any of the
 * spellings HySDS has written. A field that is present with an impossible value (a word where a number belongs,
 * a date that is not a date) still fails, with the path of the field in the issue.
 */

const Text = z.string();
const Bytes = LenientNumber;

/**
 * One entry of `inputs_localized` / `products_staged`. Only the size is typed: it is all Jobcast reads, and
 * validating the per-file timestamps of long transfer lists would cost more than the rest of the document.
 */
export const JobStatusTransfer = z.looseObject({
  disk_usage: Bytes.nullish(),
});
export type JobStatusTransfer = z.infer<typeof JobStatusTransfer>;

/**
 * One container's resource usage, kept as is: memory figures come in several spellings (docker stats, cgroup v1,
 * cgroup v2) that the normalizer searches for itself.
 */
export const JobStatusUsageStats = z.record(z.string(), z.unknown());
export type JobStatusUsageStats = z.infer<typeof JobStatusUsageStats>;

export const JobStatusFacts = z.looseObject({
  ec2_instance_type: Text.nullish(),
  ec2_instance_id: Text.nullish(),
  ec2_placement_availability_zone: Text.nullish(),
  processorcount: LenientNumber.nullish(),
  hysds_execute_node: Text.nullish(),
});

export const JobStatusMetrics = z.looseObject({
  job_dir_size: Bytes.nullish(),
  inputs_localized: z.array(JobStatusTransfer).nullish(),
  products_staged: z.array(JobStatusTransfer).nullish(),
  usage_stats: z.array(JobStatusUsageStats).nullish(),
});

export const JobStatusJobInfo = z.looseObject({
  job_queue: Text.nullish(),
  index: Text.nullish(),
  time_queued: LenientTimestamp.nullish(),
  time_start: LenientTimestamp.nullish(),
  time_end: LenientTimestamp.nullish(),
  duration: LenientNumber.nullish(),
  cmd_start: LenientTimestamp.nullish(),
  cmd_end: LenientTimestamp.nullish(),
  cmd_duration: LenientNumber.nullish(),
  time_limit: LenientNumber.nullish(),
  soft_time_limit: LenientNumber.nullish(),
  /** the command's exit code */
  status: LenientInteger.nullish(),
  execute_node: Text.nullish(),
  facts: JobStatusFacts.nullish(),
  metrics: JobStatusMetrics.nullish(),
});

export const JobStatusJob = z.looseObject({
  job_id: Text.nullish(),
  name: Text.nullish(),
  type: Text.nullish(),
  priority: LenientNumber.nullish(),
  tag: Text.nullish(),
  username: Text.nullish(),
  delivery_info: z.looseObject({ routing_key: Text.nullish() }).nullish(),
  /** job parameters; any JSON, flattened into features by the normalizer */
  params: z.unknown().optional(),
  job_info: JobStatusJobInfo.nullish(),
});

/** Tags arrive as a list, occasionally as a single string. */
const Tags = z.union([z.array(z.string()), z.string().transform((tag) => [tag])]);

export const JobStatusDocument = z.looseObject({
  payload_id: z.string().trim().min(1).max(512),
  status: z.string().trim().min(1).max(64),
  /** time of the last status change */
  '@timestamp': LenientTimestamp,
  type: Text.nullish(),
  resource: Text.nullish(),
  uuid: Text.nullish(),
  job_id: Text.nullish(),
  payload_hash: Text.nullish(),
  tags: Tags.nullish(),
  user_tags: Tags.nullish(),
  celery_hostname: Text.nullish(),
  short_error: Text.nullish(),
  job: JobStatusJob.nullish(),
});
export type JobStatusDocument = z.infer<typeof JobStatusDocument>;

/** Statuses after which a job's document no longer changes (the scraper's default filter). */
export const TERMINAL_JOB_STATUSES = [
  'job-completed',
  'job-failed',
  'job-deduped',
  'job-offline',
  'job-revoked',
] as const;

export const QUEUED_JOB_STATUS = 'job-queued';
