import { z } from 'zod';
import { Topics } from '../topics/topics';

/** Where records that cannot be decoded, normalized or stored go, with the reason. */
export const JOB_STATUS_DEAD_LETTER_TOPIC = Topics.jobStatusDeadLetter;

/** Kafka refuses messages over 1 MB by default; a dead letter must always fit, so its payload may be cut. */
export const MAX_DEAD_LETTER_PAYLOAD_CHARS = 512 * 1024;

/**
 * Value of a message on the dead-letter topic: why it failed, where it came from, and the original message value
 * verbatim as text (it may not even be JSON), so it can be inspected and replayed after a fix. A message refused
 * before it reached its topic (e.g. a document too large for Kafka) has no partition or offset.
 */
export const DeadLetterRecord = z.object({
  reason: z.string().min(1),
  sourceTopic: z.string().min(1),
  /** null when the message never reached sourceTopic */
  sourcePartition: z.number().int().nonnegative().nullable(),
  /** null when the message never reached sourceTopic */
  sourceOffset: z.string().nullable(),
  key: z.string().nullable(),
  /** the original value as UTF-8 text, cut at MAX_DEAD_LETTER_PAYLOAD_CHARS; null for a tombstone */
  payload: z.string().nullable(),
  payloadTruncated: z.boolean(),
  failedAt: z.iso.datetime({ offset: true }),
});
export type DeadLetterRecord = z.infer<typeof DeadLetterRecord>;
