import { MESSAGE_BUS, type MessageBatch, type MessageBus, type Subscription } from '@jobcast/messaging';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { IngestSettings } from '../config';
import { INGEST_SETTINGS } from '../tokens';
import { IngestStatus } from './ingest-status';
import { JobStatusIngestService } from './job-status-ingest.service';

/**
 * The transport edge: subscribes the consumer group to the job-status topic and hands every batch to the ingest
 * service. A failed batch is reported and rethrown, so the bus delivers it again instead of committing it.
 */
@Injectable()
export class JobStatusConsumer implements OnApplicationShutdown {
  private readonly logger = new Logger('JobStatusConsumer');
  private subscription: Subscription | null = null;

  constructor(
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly ingest: JobStatusIngestService,
    private readonly status: IngestStatus,
  ) {}

  async start(): Promise<void> {
    if (this.subscription) return;
    this.subscription = await this.bus.subscribe({
      topic: this.settings.topic,
      groupId: this.settings.groupId,
      handler: (batch) => this.handle(batch),
    });
    this.status.state = 'consuming';
    this.logger.log(`consuming ${this.settings.topic} as group ${this.settings.groupId}`);
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
    this.status.state = 'stopped';
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  private async handle(batch: MessageBatch): Promise<void> {
    try {
      await this.ingest.ingest(batch);
      this.status.state = 'consuming';
      this.status.lastError = null;
      this.status.lastBatchAt = new Date();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.status.state = 'retrying';
      this.status.lastError = reason;
      this.logger.warn(`batch of ${batch.messages.length} messages at offset ${batch.messages[0]?.offset} failed, it will be delivered again: ${reason}`);
      throw error;
    }
  }
}
