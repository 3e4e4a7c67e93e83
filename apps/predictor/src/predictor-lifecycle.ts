import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { MessageBus, Subscription } from '@jobcast/messaging';
import { PREDICTOR_CONFIG, type PredictorConfig } from './config';
import { PredictorGrpcHealth } from './grpc/grpc-health';
import { ModelEventsListener } from './kafka/model-events.listener';
import { QueuedJobPredictions } from './kafka/queued-job-predictions.service';
import { REQUIRED_FAMILIES } from './models/model-ports';
import { ServingModels } from './models/serving-models.service';

export const PREDICTOR_BUS = Symbol('PredictorMessageBus');

/** At start: load the champions, then listen for model events and queued jobs (when a bus is given). */
@Injectable()
export class PredictorLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Predictor');
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly models: ServingModels,
    private readonly health: PredictorGrpcHealth,
    private readonly modelEvents: ModelEventsListener,
    private readonly queuedJobs: QueuedJobPredictions,
    @Inject(PREDICTOR_CONFIG) private readonly config: PredictorConfig,
    @Inject(PREDICTOR_BUS) private readonly bus: MessageBus | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.models.onChange((status) => this.health.setReady(status.ready));
    const outcomes = await this.models.loadAll();
    // an optional family without a champion is not a problem (ServingModels logs it); a missing required one is
    for (const outcome of outcomes) {
      if (!outcome.loaded && REQUIRED_FAMILIES.includes(outcome.family)) this.logger.warn(`${outcome.family}: ${outcome.reason}`);
    }
    if (this.bus === null) return;
    this.subscriptions.push(await this.modelEvents.start(this.bus, this.config.PREDICTOR_GROUP_ID, this.config.PREDICTOR_INSTANCE_ID));
    this.subscriptions.push(await this.queuedJobs.start(this.bus, this.config.PREDICTOR_GROUP_ID));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.subscriptions.splice(0).map((subscription) => subscription.stop()));
  }
}
