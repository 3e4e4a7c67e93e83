/** A message to publish. The key picks the partition, so every message with the same key keeps its order. */
export interface OutgoingMessage {
  key: string | null;
  value: string | Buffer;
  headers?: Record<string, string>;
}

/** A message as a consumer receives it, with its position in the log (Kafka semantics: offsets are decimal strings). */
export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** null for a tombstone */
  value: Buffer | null;
  headers: Record<string, string>;
}

/** Consecutive messages of one partition. */
export interface MessageBatch {
  topic: string;
  partition: number;
  messages: IncomingMessage[];
}

/**
 * Handles one batch. The bus commits the batch's offsets only after the returned promise resolves;
 * a rejection leaves them uncommitted, so the batch is delivered again (at-least-once).
 */
export type BatchHandler = (batch: MessageBatch) => Promise<void>;

export interface SubscribeOptions {
  topic: string;
  /** consumers sharing a group id share the work and the committed position */
  groupId: string;
  handler: BatchHandler;
  /** where a group with no committed position starts; default `earliest` (a new consumer sees the whole history) */
  startFrom?: 'earliest' | 'latest';
}

export interface Subscription {
  /** Stops delivering; a batch being handled finishes first. */
  stop(): Promise<void>;
}

/**
 * The port every producer and consumer of Jobcast talks to. Adapters: Kafka (distributed mode) and an in-process
 * log (embedded mode).
 */
export interface MessageBus {
  /** Resolves once the bus has durably accepted every message (Kafka: acks from all in-sync replicas). */
  publish(topic: string, messages: OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Messages of the topic the group has not committed yet (0 once it caught up), e.g. to know a backfill drained. */
  lag(topic: string, groupId: string): Promise<number>;
  /** Stops every subscription and releases connections. */
  close(): Promise<void>;
}

/** Dependency-injection token for the bus (NestJS `@Inject(MESSAGE_BUS)`). */
export const MESSAGE_BUS = 'jobcast.MessageBus';
