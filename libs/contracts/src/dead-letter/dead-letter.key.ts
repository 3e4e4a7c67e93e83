import type { DeadLetterRecord } from './dead-letter.schema';

/** Same key as the original message, so a job's dead letters stay together and in order. */
export function deadLetterMessageKey(record: DeadLetterRecord): string | null {
  return record.key;
}
