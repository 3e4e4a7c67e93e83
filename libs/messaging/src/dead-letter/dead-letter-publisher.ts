import { DeadLetterRecord, MAX_DEAD_LETTER_PAYLOAD_CHARS, Topics, deadLetterMessageKey } from '@jobcast/contracts';
import type { IncomingMessage, MessageBus } from '../message-bus.port';

/**
 * The message that failed: as consumed, or as it was about to be published when it was refused before reaching
 * its topic (no partition, no offset).
 */
export type FailedMessage =
  | IncomingMessage
  | { topic: string; partition: null; offset: null; key: string | null; value: string | Buffer | null };

/** Why a message could not be processed, and the message itself. */
export interface DeadLetter {
  reason: string;
  message: FailedMessage;
}

/** The dead-letter record (`DeadLetterRecord` of @jobcast/contracts): the payload is cut when huge. */
export function toDeadLetterRecord({ reason, message }: DeadLetter, failedAt = new Date()): DeadLetterRecord {
  const text = typeof message.value === 'string' ? message.value : (message.value?.toString('utf8') ?? null);
  const truncated = text !== null && text.length > MAX_DEAD_LETTER_PAYLOAD_CHARS;
  return {
    reason,
    sourceTopic: message.topic,
    sourcePartition: message.partition,
    sourceOffset: message.offset,
    key: message.key,
    payload: truncated ? text.slice(0, MAX_DEAD_LETTER_PAYLOAD_CHARS) : text,
    payloadTruncated: truncated,
    failedAt: failedAt.toISOString(),
  };
}

/**
 * Publishes dead letters keyed like their originals, so a replay keeps per-key order.
 * Call it before committing the source batch: a crash in between redelivers the batch, never loses a record.
 */
export async function publishDeadLetters(
  bus: MessageBus,
  letters: readonly DeadLetter[],
  topic: string = Topics.jobStatusDeadLetter,
): Promise<void> {
  if (letters.length === 0) return;
  const failedAt = new Date();
  await bus.publish(
    topic,
    letters.map((letter) => {
      const record = toDeadLetterRecord(letter, failedAt);
      return {
        key: deadLetterMessageKey(record),
        value: JSON.stringify(record),
        headers: { 'x-dead-letter-reason': letter.reason.slice(0, 200) },
      };
    }),
  );
}
