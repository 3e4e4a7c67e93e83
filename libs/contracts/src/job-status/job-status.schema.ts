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
/** Tags arrive as a list, occasionally as a single string. */
const Tags = z.union([z.array(z.string()), z.string().transform((tag) => [tag])]);

type ObjectSchema = <Shape extends z.ZodRawShape>(shape: Shape) => z.ZodObject<Shape, z.core.$loose>;

/** The document's schemas, built on one kind of object (keeping or dropping unknown fields). */
function jobStatusSchemas(object: ObjectSchema) {
  /**
   * One entry of `inputs_localized` / `products_staged`. Only the size is typed: it is all Jobcast reads, and
   * validating the per-file timestamps of long transfer lists would cost more than the rest of the document.
   */
  const Transfer = object({
    disk_usage: Bytes.nullish(),
  });

  /**
   * One container's resource usage, kept as is: memory figures come in several spellings (docker stats,
   * cgroup v1, cgroup v2) that the normalizer searches for itself.
   */
  const UsageStats = z.record(z.string(), z.unknown());

  const Facts = object({
    ec2_instance_type: Text.nullish(),
    ec2_instance_id: Text.nullish(),
    ec2_placement_availability_zone: Text.nullish(),
    processorcount: LenientNumber.nullish(),
    hysds_execute_node: Text.nullish(),
  });

  const Metrics = object({
    job_dir_size: Bytes.nullish(),
    inputs_localized: z.array(Transfer).nullish(),
    products_staged: z.array(Transfer).nullish(),
    usage_stats: z.array(UsageStats).nullish(),
  });

  const JobInfo = object({
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
    facts: Facts.nullish(),
    metrics: Metrics.nullish(),
  });

  const Job = object({
    job_id: Text.nullish(),
    name: Text.nullish(),
    type: Text.nullish(),
    priority: LenientNumber.nullish(),
    tag: Text.nullish(),
    username: Text.nullish(),
    delivery_info: object({ routing_key: Text.nullish() }).nullish(),
    /** job parameters; any JSON, flattened into features by the normalizer */
    params: z.unknown().optional(),
    job_info: JobInfo.nullish(),
  });

  const Document = object({
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
    job: Job.nullish(),
  });

  return { Transfer, UsageStats, Facts, Metrics, JobInfo, Job, Document };
}

const keepingUnknownFields = jobStatusSchemas(z.looseObject);
// Plain objects run on zod's compiled fast path, several times faster than objects that copy unknown fields. The
// type still allows unknown fields (they are simply absent from the result).
const droppingUnknownFields = jobStatusSchemas(
  <Shape extends z.ZodRawShape>(shape: Shape) => z.object(shape) as unknown as z.ZodObject<Shape, z.core.$loose>,
);

export const JobStatusDocument = keepingUnknownFields.Document;
export type JobStatusDocument = z.infer<typeof JobStatusDocument>;

/**
 * The same checks and the same typed result as JobStatusDocument, without copying unknown fields: for readers
 * that keep the original document themselves (the normalizer stores it as `raw`) and need the speed.
 */
export const JobStatusDocumentKnownFields = droppingUnknownFields.Document;

export const JobStatusTransfer = keepingUnknownFields.Transfer;
export type JobStatusTransfer = z.infer<typeof JobStatusTransfer>;
export const JobStatusUsageStats = keepingUnknownFields.UsageStats;
export type JobStatusUsageStats = z.infer<typeof JobStatusUsageStats>;
export const JobStatusFacts = keepingUnknownFields.Facts;
export const JobStatusMetrics = keepingUnknownFields.Metrics;
export const JobStatusJobInfo = keepingUnknownFields.JobInfo;
export const JobStatusJob = keepingUnknownFields.Job;

/**
 * Statuses after which a job's document no longer changes (the scraper's default filter). HySDS never writes
 * `job-unknown`: it is what the SWF conversion gives an accounting record whose outcome the trace did not keep
 * (status −1). Such a record describes a job that is over, with its wait, so it is stored like the others.
 */
export const TERMINAL_JOB_STATUSES = [
  'job-completed',
  'job-failed',
  'job-deduped',
  'job-offline',
  'job-revoked',
  'job-unknown',
] as const;

export const QUEUED_JOB_STATUS = 'job-queued';
