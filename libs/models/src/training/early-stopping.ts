import { z } from 'zod';

export const EarlyStoppingConfig = z.object({
  /**
   * `val-loss`: stop when the validation loss has not improved by `minDelta` for `patience` epochs.
   * `gap-growth`: stop after `patience` epochs in a row in which validation-minus-training loss grew (reference §5).
   */
  rule: z.enum(['val-loss', 'gap-growth']).default('val-loss'),
  patience: z.number().int().min(1).default(5),
  minDelta: z.number().nonnegative().default(0),
});
export type EarlyStoppingConfig = z.infer<typeof EarlyStoppingConfig>;

/** Per-run early stopping, fed one epoch at a time; `observe` answers whether to stop now. */
export class EarlyStopping {
  private best = Number.POSITIVE_INFINITY;
  private stale = 0;
  private previousGap: number | undefined;
  private growing = 0;
  stoppedAtEpoch: number | undefined;

  constructor(private readonly config: EarlyStoppingConfig) {}

  observe(epoch: number, trainLoss: number, valLoss: number): boolean {
    const stop = this.config.rule === 'val-loss' ? this.observeValLoss(valLoss) : this.observeGap(trainLoss, valLoss);
    if (stop && this.stoppedAtEpoch === undefined) this.stoppedAtEpoch = epoch;
    return stop;
  }

  private observeValLoss(valLoss: number): boolean {
    if (valLoss < this.best - this.config.minDelta) {
      this.best = valLoss;
      this.stale = 0;
    } else {
      this.stale += 1;
    }
    return this.stale >= this.config.patience;
  }

  private observeGap(trainLoss: number, valLoss: number): boolean {
    const gap = valLoss - trainLoss;
    this.growing = this.previousGap !== undefined && gap > this.previousGap + this.config.minDelta ? this.growing + 1 : 0;
    this.previousGap = gap;
    return this.growing >= this.config.patience;
  }
}
