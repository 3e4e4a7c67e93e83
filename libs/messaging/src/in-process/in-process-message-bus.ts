import type {
  IncomingMessage,
  MessageBus,
  OutgoingMessage,
  SubscribeOptions,
  Subscription,
} from '../message-bus.port';

export interface InProcessBusOptions {
  /** most messages handed to one handler call; default 1000 */
  maxBatchSize?: number;
  /** first pause before a failed batch is delivered again; doubles up to 30 s; default 500 ms */
  retryBackoffMs?: number;
  /** where handler failures are reported; default console.error */
  onHandlerError?: (error: unknown, context: { topic: string; groupId: string; offset: string }) => void;
}

interface StoredMessage {
  key: string | null;
  value: Buffer;
  headers: Record<string, string>;
}

/** One topic's log; `base` is the offset of `entries[0]` after older entries were trimmed. */
interface TopicLog {
  base: number;
  entries: StoredMessage[];
  /** committed position (next offset to read) of each group that ever subscribed */
  groups: Map<string, number>;
  wakeUps: Set<() => void>;
}

const MAX_RETRY_BACKOFF_MS = 30_000;

/**
 * The bus of the embedded mode: every topic is a single-partition log in memory with Kafka's delivery semantics
 * (per-group committed positions, commit after the handler resolves, redelivery of a failed batch).
 * Messages every subscribed group has committed are dropped, so memory follows the slowest consumer's lag.
 * A group has one active subscriber per topic (Kafka would give a second one no partition of a 1-partition topic).
 */
export class InProcessMessageBus implements MessageBus {
  private readonly topics = new Map<string, TopicLog>();
  private readonly running = new Set<{ stop(): Promise<void> }>();
  private readonly activeGroups = new Set<string>();

  constructor(private readonly options: InProcessBusOptions = {}) {}

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const log = this.log(topic);
    for (const message of messages) {
      log.entries.push({
        key: message.key,
        // Copy so a caller reusing its buffer cannot change what was published.
        value: Buffer.from(message.value),
        headers: { ...message.headers },
      });
    }
    for (const wake of log.wakeUps) wake();
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const membership = `${options.topic}\u0000${options.groupId}`;
    if (this.activeGroups.has(membership)) {
      throw new Error(`group "${options.groupId}" already has an active subscriber on topic "${options.topic}"`);
    }
    this.activeGroups.add(membership);
    const log = this.log(options.topic);
    if (!log.groups.has(options.groupId)) {
      const startFrom = options.startFrom ?? 'earliest';
      log.groups.set(options.groupId, startFrom === 'earliest' ? log.base : log.base + log.entries.length);
    }

    let stopped = false;
    // Resolves the current wait early: on a publish (waiting for messages) or on stop (any wait).
    let interrupt: (() => void) | null = null;
    const onPublish = () => interrupt?.();
    log.wakeUps.add(onPublish);
    const waitForMessages = () => new Promise<void>((resolve) => (interrupt = resolve));
    const waitBeforeRetry = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        interrupt = () => {
          if (!stopped) return;
          clearTimeout(timer);
          resolve();
        };
      });

    const loop = (async () => {
      let backoff = this.options.retryBackoffMs ?? 500;
      while (!stopped) {
        const position = log.groups.get(options.groupId) ?? log.base;
        const start = position - log.base;
        if (start >= log.entries.length) {
          await waitForMessages();
          continue;
        }
        const slice = log.entries.slice(start, start + (this.options.maxBatchSize ?? 1000));
        try {
          await options.handler({
            topic: options.topic,
            partition: 0,
            messages: slice.map((stored, index) => toIncoming(options.topic, position + index, stored)),
          });
        } catch (error) {
          this.reportHandlerError(error, options, position);
          await waitBeforeRetry(backoff);
          backoff = Math.min(backoff * 2, MAX_RETRY_BACKOFF_MS);
          continue;
        }
        backoff = this.options.retryBackoffMs ?? 500;
        log.groups.set(options.groupId, position + slice.length);
        trimConsumed(log);
        // Let publishers and other consumers run between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    const subscription = {
      stop: async () => {
        if (stopped) return;
        stopped = true;
        log.wakeUps.delete(onPublish);
        interrupt?.();
        await loop;
        this.activeGroups.delete(membership);
        this.running.delete(subscription);
      },
    };
    this.running.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.running].map((subscription) => subscription.stop()));
  }

  async lag(topic: string, groupId: string): Promise<number> {
    const log = this.topics.get(topic);
    if (!log) return 0;
    const end = log.base + log.entries.length;
    return end - (log.groups.get(groupId) ?? log.base);
  }

  private log(topic: string): TopicLog {
    let log = this.topics.get(topic);
    if (!log) {
      log = { base: 0, entries: [], groups: new Map(), wakeUps: new Set() };
      this.topics.set(topic, log);
    }
    return log;
  }

  private reportHandlerError(error: unknown, options: SubscribeOptions, offset: number): void {
    const context = { topic: options.topic, groupId: options.groupId, offset: String(offset) };
    if (this.options.onHandlerError) this.options.onHandlerError(error, context);
    else console.error(`in-process bus: handler failed, batch will be redelivered`, context, error);
  }
}

function toIncoming(topic: string, offset: number, stored: StoredMessage): IncomingMessage {
  return { topic, partition: 0, offset: String(offset), key: stored.key, value: stored.value, headers: stored.headers };
}

function trimConsumed(log: TopicLog): void {
  const slowest = Math.min(...log.groups.values());
  const consumedByAll = slowest - log.base;
  if (consumedByAll <= 0) return;
  // Splicing on every batch would be quadratic; drop in chunks once they are worth it.
  if (consumedByAll < 4096 && consumedByAll < log.entries.length) return;
  log.entries.splice(0, consumedByAll);
  log.base = slowest;
}
