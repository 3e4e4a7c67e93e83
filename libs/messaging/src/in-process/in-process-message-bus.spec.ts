import { InProcessMessageBus } from './in-process-message-bus';
import type { MessageBatch } from '../message-bus.port';

function collector() {
  const seen: string[] = [];
  let notify: () => void = () => undefined;
  const handler = async (batch: MessageBatch) => {
    seen.push(...batch.messages.map((message) => message.value!.toString()));
    notify();
  };
  const until = (count: number) =>
    new Promise<void>((resolve) => {
      notify = () => seen.length >= count && resolve();
      notify();
    });
  return { seen, handler, until };
}

describe('InProcessMessageBus', () => {
  let bus: InProcessMessageBus;
  beforeEach(() => (bus = new InProcessMessageBus({ maxBatchSize: 2, retryBackoffMs: 5, onHandlerError: () => undefined })));
  afterEach(() => bus.close());

  it('delivers published messages in order, in batches, with keys and offsets', async () => {
    const batches: MessageBatch[] = [];
    const { handler, until } = collector();
    await bus.subscribe({ topic: 't', groupId: 'g', handler: async (batch) => (batches.push(batch), handler(batch)) });
    await bus.publish('t', [
      { key: 'a', value: '1' },
      { key: 'b', value: '2' },
      { key: null, value: Buffer.from('3'), headers: { h: 'v' } },
    ]);
    await until(3);
    expect(batches.map((batch) => batch.messages.map((message) => message.offset))).toEqual([['0', '1'], ['2']]);
    expect(batches[1].messages[0]).toMatchObject({ topic: 't', partition: 0, key: null, headers: { h: 'v' } });
    expect(batches[0].messages[1].key).toBe('b');
  });

  it('starts a new group at the earliest message by default and at the end with startFrom latest', async () => {
    await bus.publish('t', [{ key: null, value: 'old' }]);
    const earliest = collector();
    const latest = collector();
    await bus.subscribe({ topic: 't', groupId: 'early', handler: earliest.handler });
    await bus.subscribe({ topic: 't', groupId: 'late', handler: latest.handler, startFrom: 'latest' });
    await bus.publish('t', [{ key: null, value: 'new' }]);
    await Promise.all([earliest.until(2), latest.until(1)]);
    expect(earliest.seen).toEqual(['old', 'new']);
    expect(latest.seen).toEqual(['new']);
  });

  it('redelivers a batch whose handler failed, and commits only after success', async () => {
    const attempts: string[][] = [];
    const done = collector();
    const subscription = await bus.subscribe({
      topic: 't',
      groupId: 'g',
      handler: async (batch) => {
        attempts.push(batch.messages.map((message) => message.offset));
        if (attempts.length < 3) throw new Error('database down');
        await done.handler(batch);
      },
    });
    await bus.publish('t', [{ key: null, value: 'x' }]);
    await done.until(1);
    expect(await bus.lag('t', 'g')).toBe(1);
    await subscription.stop();
    expect(attempts).toEqual([['0'], ['0'], ['0']]);
    expect(await bus.lag('t', 'g')).toBe(0);
  });

  it('resumes a group from its committed position after a stop', async () => {
    const first = collector();
    const subscription = await bus.subscribe({ topic: 't', groupId: 'g', handler: first.handler });
    await bus.publish('t', [{ key: null, value: '1' }, { key: null, value: '2' }]);
    await first.until(2);
    await subscription.stop();
    await bus.publish('t', [{ key: null, value: '3' }]);
    expect(await bus.lag('t', 'g')).toBe(1);
    const second = collector();
    await bus.subscribe({ topic: 't', groupId: 'g', handler: second.handler });
    await second.until(1);
    expect(second.seen).toEqual(['3']);
  });

  it('gives every group its own copy of the stream', async () => {
    const a = collector();
    const b = collector();
    await bus.subscribe({ topic: 't', groupId: 'a', handler: a.handler });
    await bus.subscribe({ topic: 't', groupId: 'b', handler: b.handler });
    await bus.publish('t', [{ key: null, value: '1' }]);
    await Promise.all([a.until(1), b.until(1)]);
    expect([a.seen, b.seen]).toEqual([['1'], ['1']]);
  });

  it('refuses a second active subscriber in the same group and topic', async () => {
    await bus.subscribe({ topic: 't', groupId: 'g', handler: async () => undefined });
    await expect(bus.subscribe({ topic: 't', groupId: 'g', handler: async () => undefined })).rejects.toThrow(
      'group "g" already has an active subscriber on topic "t"',
    );
  });

  it('does not let a publisher change a message after publishing it', async () => {
    const value = Buffer.from('abc');
    await bus.publish('t', [{ key: null, value }]);
    value.write('xyz');
    const got = collector();
    await bus.subscribe({ topic: 't', groupId: 'g', handler: got.handler });
    await got.until(1);
    expect(got.seen).toEqual(['abc']);
  });
});
