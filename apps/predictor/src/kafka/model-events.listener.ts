import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModelsEvent } from '@jobcast/contracts';
import type { MessageBatch, MessageBus, Subscription } from '@jobcast/messaging';
import { MODEL_FAMILIES, type ModelFamily } from '../models/model-ports';
import { ServingModels } from '../models/serving-models.service';
import { PREDICTOR_TOPICS, type PredictorTopics } from './predictor-topics';

const isServedFamily = (family: string): family is ModelFamily => (MODEL_FAMILIES as readonly string[]).includes(family);

/**
 * Hot reload: every predictor replica hears every `jobcast.models.v1` event and reloads that family. Each replica reads
 * in a group of its own named after PREDICTOR_INSTANCE_ID, so a restart resumes that group instead of leaving one more
 * behind; a new group starts from the latest offset (the champions at start come from the model source). A refused model is reported
 * by ServingModels; the event is still consumed, so a broken model is not retried forever.
 */
@Injectable()
export class ModelEventsListener {
  private readonly logger = new Logger(ModelEventsListener.name);

  constructor(
    private readonly models: ServingModels,
    @Inject(PREDICTOR_TOPICS) private readonly topics: PredictorTopics,
  ) {}

  start(bus: MessageBus, groupPrefix: string, instanceId: string): Promise<Subscription> {
    return bus.subscribe({
      topic: this.topics.models,
      groupId: `${groupPrefix}-models-${instanceId}`,
      startFrom: 'latest',
      handler: (batch) => this.handle(batch),
    });
  }

  async handle(batch: MessageBatch): Promise<void> {
    for (const message of batch.messages) {
      const event = this.decode(message.value);
      if (event === null) continue;
      if (!isServedFamily(event.family)) continue;
      const { modelId, version, location, checksums } = event;
      await this.models.reload(event.family, { modelId, version, location, checksums });
    }
  }

  private decode(value: Buffer | null): ModelsEvent | null {
    try {
      const parsed = ModelsEvent.safeParse(JSON.parse(value?.toString() ?? ''));
      if (parsed.success) return parsed.data;
      this.logger.warn(`ignored a models event that does not match the schema: ${parsed.error.issues[0]?.message}`);
    } catch (error) {
      this.logger.warn(`ignored a models event that is not JSON: ${(error as Error).message}`);
    }
    return null;
  }
}
