import { deadLetterMessageKey } from './dead-letter.key';
import { DeadLetterRecord } from './dead-letter.schema';

describe('DeadLetterRecord', () => {
  const record = {
    reason: 'type: missing',
    sourceTopic: 'jobcast.job-status.v1',
    sourcePartition: 3,
    sourceOffset: '1234',
    key: 'payload-1',
    payload: '{"payload_id":"payload-1"}',
    payloadTruncated: false,
    failedAt: '2024-05-01T12:00:00.000Z',
  };

  it('accepts a dead letter and keys it like the original', () => {
    expect(DeadLetterRecord.parse(record)).toEqual(record);
    expect(deadLetterMessageKey(record)).toBe('payload-1');
  });

  it('accepts a message refused before it reached its topic, without partition or offset', () => {
    expect(DeadLetterRecord.safeParse({ ...record, sourcePartition: null, sourceOffset: null }).success).toBe(true);
  });

  it.each([
    ['an empty reason', { reason: '' }],
    ['a negative partition', { sourcePartition: -1 }],
    ['a non-date failure time', { failedAt: 'now' }],
  ])('refuses %s', (_case, change) => {
    expect(DeadLetterRecord.safeParse({ ...record, ...change }).success).toBe(false);
  });
});
