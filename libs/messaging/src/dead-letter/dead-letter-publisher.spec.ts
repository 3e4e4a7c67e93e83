import { InProcessMessageBus } from '../in-process/in-process-message-bus';
import type { IncomingMessage, MessageBatch } from '../message-bus.port';
import { MAX_DEAD_LETTER_PAYLOAD_CHARS } from '@jobcast/contracts';
import { publishDeadLetters, toDeadLetterRecord } from './dead-letter-publisher';

const message = (value: string | null): IncomingMessage => ({
  topic: 'jobcast.job-status.v1',
  partition: 3,
  offset: '42',
  key: 'payload-1',
  value: value === null ? null : Buffer.from(value),
  headers: {},
});

describe('dead letters', () => {
  it('keep the reason, the source position and the original payload', () => {
    const record = toDeadLetterRecord({ reason: 'payload_id missing', message: message('{"a":1}') }, new Date(0));
    expect(record).toEqual({
      reason: 'payload_id missing',
      sourceTopic: 'jobcast.job-status.v1',
      sourcePartition: 3,
      sourceOffset: '42',
      key: 'payload-1',
      payload: '{"a":1}',
      payloadTruncated: false,
      failedAt: '1970-01-01T00:00:00.000Z',
    });
  });

  it('cut a huge payload so the dead letter still fits in a Kafka message', () => {
    const record = toDeadLetterRecord({ reason: 'too large', message: message('x'.repeat(5_000_000)) });
    expect(record.payload).toHaveLength(MAX_DEAD_LETTER_PAYLOAD_CHARS);
    expect(record.payloadTruncated).toBe(true);
  });

  it('describe a message refused before it reached its topic, without partition or offset', () => {
    const refused = { topic: 'jobcast.job-status.v1', partition: null, offset: null, key: 'payload-1', value: 'y'.repeat(600_000) };
    expect(toDeadLetterRecord({ reason: 'larger than the topic accepts', message: refused })).toMatchObject({
      sourcePartition: null,
      sourceOffset: null,
      payload: 'y'.repeat(MAX_DEAD_LETTER_PAYLOAD_CHARS),
      payloadTruncated: true,
    });
  });

  it('keep a tombstone as a null payload', () => {
    expect(toDeadLetterRecord({ reason: 'empty', message: message(null) }).payload).toBeNull();
  });

  it('are published on the dead-letter topic keyed like the original', async () => {
    const bus = new InProcessMessageBus();
    const received = new Promise<MessageBatch>((resolve) =>
      bus.subscribe({ topic: 'dlq', groupId: 'g', handler: async (batch) => resolve(batch) }),
    );
    await publishDeadLetters(bus, [{ reason: 'bad date', message: message('{}') }], 'dlq');
    const batch = await received;
    await bus.close();
    expect(batch.messages[0].key).toBe('payload-1');
    expect(batch.messages[0].headers['x-dead-letter-reason']).toBe('bad date');
    expect(JSON.parse(batch.messages[0].value!.toString())).toMatchObject({ reason: 'bad date', sourceOffset: '42' });
  });
});
