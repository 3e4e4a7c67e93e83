import { decodeJobStatusMessage } from '@jobcast/contracts';
import type { JobRunRecord, JobRunRepository } from '@jobcast/db';
import { normalizeJobStatus } from '@jobcast/features';
import {
  type DeadLetter,
  type IncomingMessage,
  MESSAGE_BUS,
  type MessageBatch,
  type MessageBus,
  publishDeadLetters,
} from '@jobcast/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { IngestSettings } from '../config';
import { FeaturesMetrics } from '../metrics/features-metrics';
import { INGEST_SETTINGS, JOB_RUN_REPOSITORY } from '../tokens';

export interface IngestSummary {
  messages: number;
  written: number;
  stale: number;
  deadLettered: number;
}

/**
 * One batch of job-status messages: decode the envelope → normalize the HySDS document → upsert every run in one
 * statement → dead-letter whatever failed on the way, with the reason. Returns once all of it is durable, so the
 * caller may commit the batch's offsets; any throw means "deliver the batch again" (the upsert is idempotent).
 */
@Injectable()
export class JobStatusIngestService {
  constructor(
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
    @Inject(JOB_RUN_REPOSITORY) private readonly jobRuns: JobRunRepository,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly metrics: FeaturesMetrics,
  ) {}

  async ingest(batch: MessageBatch): Promise<IngestSummary> {
    const stopTimer = this.metrics.batchSeconds.startTimer();
    const records: JobRunRecord[] = [];
    const sourceOf = new Map<string, IncomingMessage>();
    const letters: Array<DeadLetter & { stage: 'decode' | 'normalize' | 'store' }> = [];

    for (const message of batch.messages) {
      const decoded = decodeJobStatusMessage(message.value);
      if (!decoded.ok) {
        letters.push({ stage: 'decode', reason: decoded.reason, message });
        continue;
      }
      const normalized = normalizeJobStatus(decoded.envelope.document);
      if (!normalized.ok) {
        letters.push({ stage: 'normalize', reason: `not a usable job_status document: ${normalized.reason}`, message });
        continue;
      }
      records.push({ run: normalized.run, raw: decoded.envelope.document, rawJson: decoded.documentJson });
      sourceOf.set(normalized.run.payloadId, message);
    }

    const stored = await this.jobRuns.upsertMany(records);
    for (const rejected of stored.rejected) {
      const message = sourceOf.get(rejected.payloadId);
      if (message) letters.push({ stage: 'store', reason: `database refused the row: ${rejected.reason}`, message });
    }
    await publishDeadLetters(this.bus, letters, this.settings.deadLetterTopic);

    this.metrics.messagesConsumed.inc(batch.messages.length);
    this.metrics.rowsWritten.inc(stored.written);
    // Older than the stored row, or superseded by a newer sibling in the batch.
    const stale = records.length - stored.written - stored.rejected.length;
    this.metrics.staleSkipped.inc(stale);
    for (const letter of letters) this.metrics.deadLettered.inc({ stage: letter.stage });
    stopTimer();
    return { messages: batch.messages.length, written: stored.written, stale, deadLettered: letters.length };
  }
}
