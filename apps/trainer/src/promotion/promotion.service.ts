import { Inject, Injectable, Logger } from '@nestjs/common';
import { MODELS_EVENT_TOPIC, ModelsEvent, modelsEventKey } from '@jobcast/contracts';
import { ModelRegistryRepository, type ModelVersion, type Promotion } from '@jobcast/db';
import type { MessageBus } from '@jobcast/messaging';
import { MODEL_STORE, type ModelStore, verifyArtifacts } from '@jobcast/models';
import { CorruptArtifactsError, NotFoundError } from '../training/training-errors';
import { MODELS_BUS } from '../tokens';

/**
 * Makes a model version champion (by the gate or a rollback): verifies its artifacts against the recorded checksums,
 * switches the champion in the registry, then announces it on `jobcast.models.v1`.
 */
@Injectable()
export class PromotionService {
  private readonly logger = new Logger(PromotionService.name);

  constructor(
    private readonly registry: ModelRegistryRepository,
    @Inject(MODEL_STORE) private readonly store: ModelStore,
    @Inject(MODELS_BUS) private readonly bus: MessageBus | null,
  ) {}

  async promote(modelId: string, reason: ModelsEvent['reason'], note: string): Promise<Promotion> {
    const model = await this.registry.findById(modelId);
    if (!model) throw new NotFoundError(`model version ${modelId} does not exist`);
    const problems = await verifyArtifacts(this.store, model.location, model.checksums);
    if (problems.length > 0) throw new CorruptArtifactsError(modelId, problems);
    const promotion = await this.registry.promote(modelId, note);
    await this.announce(promotion, reason);
    return promotion;
  }

  /**
   * The registry is the truth and is already updated; a lost announcement only delays predictors until they next
   * read the registry (at start), so it is logged rather than undoing the promotion.
   */
  private async announce({ champion, previous }: Promotion, reason: ModelsEvent['reason']): Promise<void> {
    if (!this.bus) {
      this.logger.warn(`no message bus configured: champion ${champion.id} of ${champion.family} is not announced`);
      return;
    }
    const event = toEvent(champion, previous, reason);
    try {
      await this.bus.publish(MODELS_EVENT_TOPIC, [{ key: modelsEventKey(event), value: JSON.stringify(event) }]);
      this.logger.log(`announced champion ${champion.id} (${champion.family}/${champion.version}) on ${MODELS_EVENT_TOPIC}`);
    } catch (error) {
      this.logger.error(`champion ${champion.id} promoted but not announced: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function toEvent(champion: ModelVersion, previous: ModelVersion | null, reason: ModelsEvent['reason']): ModelsEvent {
  return ModelsEvent.parse({
    type: 'champion-promoted',
    family: champion.family,
    kind: champion.kind,
    modelId: champion.id,
    version: champion.version,
    location: champion.location,
    checksums: champion.checksums,
    metrics: champion.metrics,
    previousModelId: previous?.id ?? null,
    reason,
    promotedAt: champion.promotedAt ?? new Date().toISOString(),
  });
}
