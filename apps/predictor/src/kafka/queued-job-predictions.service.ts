import { Inject, Injectable, Logger } from '@nestjs/common';
import { decodeJobStatusMessage, predictionMessageKey, type PredictionMessage, type RawJobStatusDocument } from '@jobcast/contracts';
import type { MessageBatch, MessageBus, OutgoingMessage, Subscription } from '@jobcast/messaging';
import { PredictorMetrics } from '../observability/predictor-metrics';
import { InvalidInputError } from '../prediction/prediction.errors';
import { PredictionService } from '../prediction/prediction.service';
import { QUEUED_JOBS } from '../queue/queue-time.service';
import { QueuedJobs } from '../queue/queued-jobs';
import { PREDICTOR_TOPICS, type PredictorTopics } from './predictor-topics';

const QUEUED_STATUS = 'job-queued';

/**
 * Consumes `jobcast.job-status.v1` in its own group: every `job-queued` document gets a prediction published on
 * `jobcast.predictions.v1` (key = payload_id) and joins the queue /queuetime looks at; any other status of the same
 * payload takes it off that queue. Messages it cannot use are counted by outcome (the features service dead-letters
 * them; the predictor only reads). Offsets are committed after the batch's predictions are published.
 */
@Injectable()
export class QueuedJobPredictions {
  private readonly logger = new Logger(QueuedJobPredictions.name);

  constructor(
    private readonly predictions: PredictionService,
    @Inject(QUEUED_JOBS) private readonly queued: QueuedJobs,
    private readonly metrics: PredictorMetrics,
    @Inject(PREDICTOR_TOPICS) private readonly topics: PredictorTopics,
  ) {}

  start(bus: MessageBus, groupId: string): Promise<Subscription> {
    return bus.subscribe({ topic: this.topics.jobStatus, groupId, handler: (batch) => this.handle(bus, batch) });
  }

  async handle(bus: MessageBus, batch: MessageBatch): Promise<void> {
    const outgoing: OutgoingMessage[] = [];
    const predictedAt = new Date().toISOString();
    for (const message of batch.messages) {
      const decoded = decodeJobStatusMessage(message.value);
      if (!decoded.ok) {
        this.metrics.queuedMessages.inc({ outcome: 'undecodable' });
        continue;
      }
      const { document } = decoded.envelope;
      const payloadId = typeof document['payload_id'] === 'string' ? document['payload_id'] : (message.key ?? decoded.envelope.origin.documentId);
      if (document['status'] !== QUEUED_STATUS) {
        this.queued.left(payloadId);
        this.metrics.queuedMessages.inc({ outcome: 'left-queue' });
        continue;
      }
      const value = this.predict(document, payloadId, predictedAt);
      if (value === null) continue;
      this.queued.queued(payloadId, value.prediction.jobType);
      outgoing.push({ key: predictionMessageKey(value), value: JSON.stringify(value) });
    }
    // A ModelsUnavailableError above rejects the batch: it is redelivered once models serve.
    if (outgoing.length > 0) await bus.publish(this.topics.predictions, outgoing);
    this.metrics.predictions.inc({ interface: 'kafka' }, outgoing.length);
  }

  private predict(document: Record<string, unknown>, payloadId: string, predictedAt: string): PredictionMessage | null {
    try {
      const prediction = this.predictions.predictInputs([{ kind: 'job-status', document: document as RawJobStatusDocument }])[0];
      this.metrics.queuedMessages.inc({ outcome: 'predicted' });
      return { payloadId, predictedAt, prediction };
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      this.metrics.queuedMessages.inc({ outcome: 'invalid' });
      this.logger.warn(`queued job ${payloadId} not predicted: ${error.message}`);
      return null;
    }
  }
}
