import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { TRAINER_CONFIG, type TrainerConfig } from './config';
import { TrainingSlot } from './training/training-slot';

/** Something the trainer opened itself and must close last (a database it created, its Kafka bus). */
export interface OwnedResource {
  close(): Promise<void>;
}
export const OWNED_RESOURCES = Symbol('OwnedResources');

/**
 * Start-up: runs left unfinished by a killed trainer are marked failed and their staging folders removed (nothing of
 * theirs was registered or promoted). Shutdown: closes what the trainer opened, after the slot stopped its run.
 */
@Injectable()
export class TrainerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TrainerLifecycle.name);

  constructor(
    @Inject(TRAINER_CONFIG) private readonly config: TrainerConfig,
    @Inject(OWNED_RESOURCES) private readonly owned: OwnedResource[],
    private readonly slot: TrainingSlot,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const abandoned = await this.slot.failAbandonedRuns();
    if (abandoned.length === 0) return;
    this.logger.warn(`marked ${abandoned.length} abandoned run(s) failed: ${abandoned.join(', ')}`);
    for (const id of abandoned) await rm(join(this.config.TRAINER_WORK_DIR, 'staging', id), { recursive: true, force: true });
  }

  async onApplicationShutdown(): Promise<void> {
    for (const resource of [...this.owned].reverse()) await resource.close();
  }
}
