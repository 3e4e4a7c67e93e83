import { DeadLetterRecord } from '@jobcast/contracts';
import { getKafka, uniqueName } from '@jobcast/testing';
import { Kafka, logLevel } from 'kafkajs';
import { publishDeadLetters } from '../dead-letter/dead-letter-publisher';
import type { IncomingMessage, MessageBatch } from '../message-bus.port';
import { KafkaMessageBus } from './kafka-message-bus';
import { ensureTopics } from './topic-admin';

/** Collects what a handler saw and lets a test wait for a count. */
function received() {
  const messages: IncomingMessage[] = [];
  const waiters: Array<() => void> = [];
  return {
    messages,
    handle(batch: MessageBatch) {
      messages.push(...batch.messages);
      for (const wake of waiters.splice(0)) wake();
    },
    async until(count: number, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`saw ${messages.length} of ${count} messages`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
  };
}

describe('KafkaMessageBus against a real broker', () => {
  let kafka: Kafka;
  let bus: KafkaMessageBus;
  let topic: string;

  beforeAll(async () => {
    const { brokers } = await getKafka();
    kafka = new Kafka({ clientId: 'jobcast-messaging-test', brokers, logLevel: logLevel.NOTHING });
  }, 20 * 60_000);

  beforeEach(async () => {
    topic = uniqueName('bus');
    expect(await ensureTopics(kafka, [topic], { numPartitions: 3 })).toEqual([topic]);
    bus = new KafkaMessageBus(kafka);
  });
  afterEach(() => bus.close());

  it('creates a topic once: a second ensureTopics leaves it alone', async () => {
    expect(await ensureTopics(kafka, [topic])).toEqual([]);
  });

  it('delivers keyed messages with headers, each key in order on its partition', async () => {
    const seen = received();
    await bus.subscribe({ topic, groupId: uniqueName('group'), handler: async (batch) => seen.handle(batch) });
    const statuses = ['job-queued', 'job-started', 'job-completed'];
    await bus.publish(topic, [
      ...statuses.map((status) => ({ key: 'payload-a', value: status, headers: { source: 'test' } })),
      ...statuses.map((status) => ({ key: 'payload-b', value: Buffer.from(status) })),
    ]);
    await seen.until(6);
    for (const key of ['payload-a', 'payload-b']) {
      const ofKey = seen.messages.filter((message) => message.key === key);
      expect(ofKey.map((message) => message.value!.toString())).toEqual(statuses);
      expect(new Set(ofKey.map((message) => message.partition)).size).toBe(1);
    }
    expect(seen.messages.find((message) => message.key === 'payload-a')!.headers).toEqual({ source: 'test' });
  });

  it('sends a publish larger than the topic accepts in one record batch as several requests, in order', async () => {
    const smallTopic = uniqueName('small');
    await ensureTopics(kafka, [smallTopic], { numPartitions: 1, maxMessageBytes: 1024 * 1024 });
    const chunking = new KafkaMessageBus(kafka, { maxBytesPerRequest: 512 * 1024 });
    try {
      const seen = received();
      await chunking.subscribe({ topic: smallTopic, groupId: uniqueName('group'), handler: async (batch) => seen.handle(batch) });
      const values = ['a', 'b', 'c', 'd', 'e', 'f'].map((letter) => letter.repeat(300 * 1024));
      await chunking.publish(smallTopic, values.map((value) => ({ key: 'same-key', value })));
      await seen.until(6);
      expect(seen.messages.map((message) => message.value!.toString())).toEqual(values);
    } finally {
      await chunking.close();
    }
  });

  it('redelivers a batch whose handler failed and commits it only after success', async () => {
    const groupId = uniqueName('group');
    let attempts = 0;
    const seen = received();
    await bus.publish(topic, [{ key: 'k', value: 'only' }]);
    await bus.subscribe({
      topic,
      groupId,
      handler: async (batch) => {
        if (++attempts === 1) throw new Error('database down');
        seen.handle(batch);
      },
    });
    await seen.until(1, 60_000);
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(seen.messages.map((message) => message.value!.toString())).toEqual(['only']);
    let lag = await bus.lag(topic, groupId);
    for (let tries = 0; lag > 0 && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      lag = await bus.lag(topic, groupId);
    }
    expect(lag).toBe(0);
  });

  it('resumes a group from its committed offsets after the consumer stopped', async () => {
    const groupId = uniqueName('group');
    const first = received();
    const subscription = await bus.subscribe({ topic, groupId, handler: async (batch) => first.handle(batch) });
    await bus.publish(topic, [{ key: 'a', value: '1' }, { key: 'b', value: '2' }]);
    await first.until(2);
    await subscription.stop();

    await bus.publish(topic, [{ key: 'c', value: '3' }]);
    expect(await bus.lag(topic, groupId)).toBe(1);
    const second = received();
    await bus.subscribe({ topic, groupId, handler: async (batch) => second.handle(batch) });
    await second.until(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(second.messages.map((message) => message.value!.toString())).toEqual(['3']);
  });

  it('counts a new group lag from the start of the log', async () => {
    await bus.publish(topic, [{ key: 'a', value: '1' }, { key: 'b', value: '2' }, { key: 'c', value: '3' }]);
    expect(await bus.lag(topic, uniqueName('never-consumed'))).toBe(3);
  });

  it('publishes a dead letter that names the source position and keeps the payload', async () => {
    const deadLetterTopic = uniqueName('dlq');
    await ensureTopics(kafka, [deadLetterTopic], { numPartitions: 1 });
    const seen = received();
    await bus.subscribe({ topic: deadLetterTopic, groupId: uniqueName('group'), handler: async (batch) => seen.handle(batch) });
    const original: IncomingMessage = { topic, partition: 2, offset: '17', key: 'payload-x', value: Buffer.from('{bad'), headers: {} };
    await publishDeadLetters(bus, [{ reason: 'message value is not JSON', message: original }], deadLetterTopic);
    await seen.until(1);
    const record = DeadLetterRecord.parse(JSON.parse(seen.messages[0].value!.toString()));
    expect(record).toMatchObject({ reason: 'message value is not JSON', sourceTopic: topic, sourcePartition: 2, sourceOffset: '17', payload: '{bad' });
    expect(seen.messages[0].key).toBe('payload-x');
  });
});
