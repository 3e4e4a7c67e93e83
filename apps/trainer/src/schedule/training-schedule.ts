import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { TRAINER_CONFIG, type TrainerConfig } from '../config';
import { TrainingBusyError } from '../training/training-errors';
import { TrainingService } from '../training/training.service';

const JOB_NAME = 'jobcast-scheduled-training';

/** Scheduled retraining of every configured family on TRAINER_CRON (`off` disables it). */
@Injectable()
export class TrainingSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(TrainingSchedule.name);

  constructor(
    @Inject(TRAINER_CONFIG) private readonly config: TrainerConfig,
    private readonly scheduler: SchedulerRegistry,
    private readonly training: TrainingService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.TRAINER_CRON === 'off') {
      this.logger.log('scheduled training is off (TRAINER_CRON=off)');
      return;
    }
    const job = CronJob.from({ cronTime: this.config.TRAINER_CRON, onTick: () => this.fire(), start: false });
    this.scheduler.addCronJob(JOB_NAME, job);
    job.start();
    this.logger.log(`scheduled training on "${this.config.TRAINER_CRON}"`);
  }

  private async fire(): Promise<void> {
    try {
      const runs = await this.training.trigger({}, 'schedule');
      this.logger.log(`scheduled training started: ${runs.map((run) => `${run.family} ${run.id}`).join(', ')}`);
    } catch (error) {
      if (error instanceof TrainingBusyError) this.logger.log(`scheduled training skipped: ${error.message}`);
      else this.logger.error(`scheduled training could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
