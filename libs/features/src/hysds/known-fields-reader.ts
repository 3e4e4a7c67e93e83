import { JobStatusDocumentKnownFields, parseLenientNumber, parseLenientTimestamp } from '@jobcast/contracts';
import type { z } from 'zod';

/** What the lenient schema makes of a document's known fields. */
export type KnownFields = z.output<typeof JobStatusDocumentKnownFields>;

/**
 * Thrown inside the reader when a field is not plainly valid; the caller then asks the schema, which either reads
 * it all the same or names the problem. Never leaves this file.
 */
const UNREADABLE: unique symbol = Symbol('unreadable');

type Plain = Record<string, unknown>;

/**
 * The known fields of a job_status document, read by hand: the same result as
 * `JobStatusDocumentKnownFields.parse(input)` (several times faster, it is most of the normalizer's work) for every
 * document whose fields are all plainly valid, and undefined for any other, so that the schema alone decides what
 * is wrong with it and how to say so. When in doubt it declines: a decline only costs the schema's speed.
 */
export function readKnownFields(input: unknown): KnownFields | undefined {
  try {
    return readDocument(input);
  } catch (error) {
    if (error === UNREADABLE) return undefined;
    throw error;
  }
}

function readDocument(input: unknown): KnownFields {
  const document = object(input);
  return {
    payload_id: boundedText(document['payload_id'], 512),
    status: boundedText(document['status'], 64),
    '@timestamp': timestamp(document['@timestamp']),
    type: text(document['type']),
    resource: text(document['resource']),
    uuid: text(document['uuid']),
    job_id: text(document['job_id']),
    payload_hash: text(document['payload_hash']),
    tags: tags(document['tags']),
    user_tags: tags(document['user_tags']),
    celery_hostname: text(document['celery_hostname']),
    short_error: text(document['short_error']),
    job: nullish(document['job'], readJob),
  };
}

type Job = NonNullable<KnownFields['job']>;

function readJob(value: unknown): Job {
  const job = object(value);
  return {
    job_id: text(job['job_id']),
    name: text(job['name']),
    type: text(job['type']),
    priority: number(job['priority']),
    tag: text(job['tag']),
    username: text(job['username']),
    delivery_info: nullish(job['delivery_info'], (info) => ({ routing_key: text(object(info)['routing_key']) })),
    params: job['params'],
    job_info: nullish(job['job_info'], readJobInfo),
  };
}

type JobInfo = NonNullable<Job['job_info']>;

function readJobInfo(value: unknown): JobInfo {
  const info = object(value);
  return {
    job_queue: text(info['job_queue']),
    index: text(info['index']),
    time_queued: nullish(info['time_queued'], timestamp),
    time_start: nullish(info['time_start'], timestamp),
    time_end: nullish(info['time_end'], timestamp),
    duration: number(info['duration']),
    cmd_start: nullish(info['cmd_start'], timestamp),
    cmd_end: nullish(info['cmd_end'], timestamp),
    cmd_duration: number(info['cmd_duration']),
    time_limit: number(info['time_limit']),
    soft_time_limit: number(info['soft_time_limit']),
    status: integer(info['status']),
    execute_node: text(info['execute_node']),
    facts: nullish(info['facts'], readFacts),
    metrics: nullish(info['metrics'], readMetrics),
  };
}

function readFacts(value: unknown): NonNullable<JobInfo['facts']> {
  const facts = object(value);
  return {
    ec2_instance_type: text(facts['ec2_instance_type']),
    ec2_instance_id: text(facts['ec2_instance_id']),
    ec2_placement_availability_zone: text(facts['ec2_placement_availability_zone']),
    processorcount: number(facts['processorcount']),
    hysds_execute_node: text(facts['hysds_execute_node']),
  };
}

type Metrics = NonNullable<JobInfo['metrics']>;

function readMetrics(value: unknown): Metrics {
  const metrics = object(value);
  return {
    job_dir_size: number(metrics['job_dir_size']),
    inputs_localized: nullish(metrics['inputs_localized'], transfers),
    products_staged: nullish(metrics['products_staged'], transfers),
    usage_stats: nullish(metrics['usage_stats'], usageStats),
  };
}

function transfers(value: unknown): NonNullable<Metrics['inputs_localized']> {
  return list(value, (transfer) => ({ disk_usage: number(object(transfer)['disk_usage']) }));
}

/**
 * Entries are copied as they are, like the schema's record; one that is not a plain object (the record's stricter
 * test) or has a `__proto__` key (which a copy would turn into a prototype) is left to the schema.
 */
function usageStats(value: unknown): NonNullable<Metrics['usage_stats']> {
  return list(value, (entry) => {
    const stats = object(entry);
    const prototype = Object.getPrototypeOf(stats) as { constructor?: { name?: unknown } } | null;
    if (prototype?.constructor?.name !== 'Object' || Object.hasOwn(stats, '__proto__')) throw UNREADABLE;
    return { ...stats };
  });
}

/** What the schema's objects accept: any non-array object. */
function object(value: unknown): Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw UNREADABLE;
  return value as Plain;
}

/** Every item read (holes included, as undefined, like the schema sees them). */
function list<T>(value: unknown, read: (item: unknown) => T): T[] {
  if (!Array.isArray(value)) throw UNREADABLE;
  const items: T[] = [];
  for (let index = 0; index < value.length; index++) items.push(read(value[index]));
  return items;
}

/** null and undefined pass through as they are (the schema's `nullish`), anything else is read. */
function nullish<T>(value: unknown, read: (value: unknown) => T): T | null | undefined {
  return value === null || value === undefined ? value : read(value);
}

function text(value: unknown): string | null | undefined {
  if (value === null || value === undefined || typeof value === 'string') return value;
  throw UNREADABLE;
}

/** Trimmed text of 1..max characters, before and after trimming (so it holds whichever the schema counts). */
function boundedText(value: unknown, max: number): string {
  if (typeof value !== 'string' || value.length > max) throw UNREADABLE;
  const trimmed = value.trim();
  if (trimmed === '') throw UNREADABLE;
  return trimmed;
}

function timestamp(value: unknown): string {
  const iso = typeof value === 'string' ? parseLenientTimestamp(value) : null;
  if (iso === null) throw UNREADABLE;
  return iso;
}

function number(value: unknown): number | null | undefined {
  if (value === null || value === undefined) return value;
  const parsed = parseLenientNumber(value);
  if (parsed === undefined) throw UNREADABLE;
  return parsed;
}

function integer(value: unknown): number | null | undefined {
  const parsed = number(value);
  if (typeof parsed === 'number' && !Number.isInteger(parsed)) throw UNREADABLE;
  return parsed;
}

function tags(value: unknown): string[] | null | undefined {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string') return [value];
  return list(value, (tag) => {
    if (typeof tag !== 'string') throw UNREADABLE;
    return tag;
  });
}
