import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { SweepRepository, type TrainingLock, TrainingRunRepository } from '@jobcast/db';
import { TRAINING_LOCK } from '../tokens';
import { TrainingBusyError } from './training-errors';

/** How long a refused trigger looks for the winner's run row (it is written right after the lock is taken). */
const RUNNING_RUN_LOOKUP_ATTEMPTS = 10;
const RUNNING_RUN_LOOKUP_DELAY_MS = 100;

/**
 * The one training slot shared by every trainer replica: work claims it through the training lock and keeps it until
 * the work ends. A refused claim names the run in progress.
 */
@Injectable()
export class TrainingSlot implements BeforeApplicationShutdown {
  private readonly logger = new Logger(TrainingSlot.name);
  private current: Promise<void> | null = null;
  private readonly abort = new AbortController();

  constructor(
    @Inject(TRAINING_LOCK) private readonly lock: TrainingLock,
    private readonly runs: TrainingRunRepository,
    private readonly sweeps: SweepRepository,
  ) {}

  /** Fires when the trainer shuts down, so a run in progress stops and is marked failed. */
  get shutdownSignal(): AbortSignal {
    return this.abort.signal;
  }

  /**
   * Takes the slot, runs `setup` (which records the runs) while holding it, then continues `work` in the background
   * and releases the slot when it ends. Throws TrainingBusyError when the slot is taken.
   */
  async claim<T>(setup: () => Promise<T>, work: (claimed: T) => Promise<void>): Promise<T> {
    const held = await this.lock.tryAcquire();
    if (!held) throw new TrainingBusyError(await this.findRunningRunId());
    let claimed: T;
    try {
      claimed = await setup();
    } catch (error) {
      await held.release();
      throw error;
    }
    this.current = work(claimed)
      .catch((error: unknown) => this.logger.error(`training work failed: ${error instanceof Error ? error.stack : String(error)}`))
      .finally(async () => {
        await held.release();
        this.current = null;
      });
    return claimed;
  }

  /** Resolves when the work in progress (if any) has ended and the slot is free. */
  async idle(): Promise<void> {
    await this.current;
  }

  /**
   * Runs left queued or running by a trainer that died cannot finish: mark them failed. Only done while holding the
   * lock, so a run another replica is executing right now is never touched.
   */
  async failAbandonedRuns(): Promise<string[]> {
    const held = await this.lock.tryAcquire();
    if (!held) return [];
    try {
      const reason = 'the trainer executing this run stopped before it finished (found unfinished at start-up)';
      const ids = await this.runs.failAbandoned(reason);
      await this.sweeps.failAbandoned(reason);
      return ids;
    } finally {
      await held.release();
    }
  }

  /** Before the database closes: stop the run in progress and let it record its failure. */
  async beforeApplicationShutdown(): Promise<void> {
    this.abort.abort();
    await this.idle();
  }

  private async findRunningRunId(): Promise<string | null> {
    for (let attempt = 0; attempt < RUNNING_RUN_LOOKUP_ATTEMPTS; attempt++) {
      const running = await this.runs.findRunning();
      if (running) return running.id;
      await new Promise((resolve) => setTimeout(resolve, RUNNING_RUN_LOOKUP_DELAY_MS));
    }
    return null;
  }
}
