import type { Consumer, IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { CompressionTypes, Partitioners } from 'kafkajs';
import type { IncomingMessage, MessageBus, OutgoingMessage, SubscribeOptions, Subscription } from '../message-bus.port';

export interface KafkaBusOptions {
  /** partitions of one consumer handled at the same time; default 1 (batches of one partition stay in order anyway) */
  partitionsConsumedConcurrently?: number;
  /** upper bound of one fetched batch per partition; default 8 MiB so a batch carries thousands of documents */
  maxBytesPerPartition?: number;
  /** default none: documents are small JSON and the brokers are local; gzip would cost more CPU than it saves */
  compression?: CompressionTypes;
  /**
   * bytes of keys and values sent in one produce request; default 1 MiB. A request carries one record batch per
   * partition, which the broker refuses above the topic's max.message.bytes, so a page of large documents goes out
   * in several requests (a single message above this still goes, alone). Small requests are also cheaper: kafkajs
   * copies a request several times into fresh buffers, and above ~2 MiB each copy faults new pages in (measured on
   * 3.4 KB documents: 8 MiB requests cost 9,200 docs per CPU-second, 1 MiB ones 14,700).
   */
  maxBytesPerRequest?: number;
}

/**
 * Kafka adapter of the bus: one idempotent producer (acks from all in-sync replicas, so a retried send never
 * duplicates a message) and one consumer per subscription that commits a batch's offsets only after its handler
 * resolved.
 */
export class KafkaMessageBus implements MessageBus {
  private readonly producer: Producer;
  private producerReady: Promise<void> | null = null;
  private readonly consumers = new Set<Consumer>();

  constructor(
    private readonly kafka: Kafka,
    private readonly options: KafkaBusOptions = {},
  ) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  /** Sends the messages in order, in requests of at most maxBytesPerRequest; resolves once all of them are acknowledged. */
  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.connectProducer();
    for (const request of inRequests(messages, this.options.maxBytesPerRequest ?? 1024 * 1024)) {
      await this.producer.send({
        topic,
        acks: -1,
        compression: this.options.compression ?? CompressionTypes.None,
        messages: request.map((message) => ({ key: message.key, value: message.value, headers: message.headers })),
      });
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      maxBytesPerPartition: this.options.maxBytesPerPartition ?? 8 * 1024 * 1024,
      maxBytes: 4 * (this.options.maxBytesPerPartition ?? 8 * 1024 * 1024),
    });
    await consumer.connect();
    this.consumers.add(consumer);
    try {
      await consumer.subscribe({ topics: [options.topic], fromBeginning: (options.startFrom ?? 'earliest') === 'earliest' });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
        eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary, heartbeat, isRunning, isStale }) => {
          if (batch.messages.length === 0 || !isRunning() || isStale()) return;
          await options.handler({
            topic: batch.topic,
            partition: batch.partition,
            messages: batch.messages.map((message) => toIncoming(batch.topic, batch.partition, message)),
          });
          const last = batch.messages[batch.messages.length - 1].offset;
          resolveOffset(last);
          // Kafka stores the offset of the next message to read.
          const next = (BigInt(last) + 1n).toString();
          await commitOffsetsIfNecessary({
            topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: next }] }],
          });
          await heartbeat();
        },
      });
    } catch (error) {
      this.consumers.delete(consumer);
      await consumer.disconnect();
      throw error;
    }
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  async lag(topic: string, groupId: string): Promise<number> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const [ends, [committed]] = await Promise.all([
        admin.fetchTopicOffsets(topic),
        admin.fetchOffsets({ groupId, topics: [topic] }),
      ]);
      const committedByPartition = new Map(committed.partitions.map((entry) => [entry.partition, BigInt(entry.offset)]));
      let lag = 0n;
      for (const end of ends) {
        // -1 = the group never committed on this partition: everything from the log start is pending.
        const position = committedByPartition.get(end.partition) ?? -1n;
        lag += BigInt(end.high) - (position < 0n ? BigInt(end.low) : position);
      }
      return Number(lag);
    } finally {
      await admin.disconnect();
    }
  }

  async close(): Promise<void> {
    const consumers = [...this.consumers];
    this.consumers.clear();
    await Promise.all(consumers.map((consumer) => consumer.disconnect()));
    if (this.producerReady) await this.producer.disconnect();
    this.producerReady = null;
  }

  private connectProducer(): Promise<void> {
    this.producerReady ??= this.producer.connect().catch((error: unknown) => {
      // Let the next publish try again instead of caching the failure.
      this.producerReady = null;
      throw error;
    });
    return this.producerReady;
  }
}

/** Consecutive runs of messages whose keys and values add up to at most maxBytes (a larger message runs alone). */
function* inRequests(messages: readonly OutgoingMessage[], maxBytes: number): Generator<OutgoingMessage[]> {
  let request: OutgoingMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = messageBytes(message);
    if (request.length > 0 && bytes + size > maxBytes) {
      yield request;
      request = [];
      bytes = 0;
    }
    request.push(message);
    bytes += size;
  }
  if (request.length > 0) yield request;
}

/** Bytes of a message's key and value, what a record batch mostly holds. */
export function messageBytes(message: OutgoingMessage): number {
  const valueBytes = typeof message.value === 'string' ? Buffer.byteLength(message.value) : message.value.length;
  return valueBytes + (message.key === null ? 0 : Buffer.byteLength(message.key));
}

function toIncoming(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ? message.key.toString('utf8') : null,
    value: message.value,
    headers: decodeHeaders(message.headers),
  };
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) decoded[name] = first.toString();
  }
  return decoded;
}
