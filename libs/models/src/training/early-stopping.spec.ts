import { EarlyStopping, EarlyStoppingConfig } from './early-stopping';

describe('early stopping', () => {
  it('stops after `patience` epochs without a better validation loss', () => {
    const stopper = new EarlyStopping(EarlyStoppingConfig.parse({ patience: 2 }));
    const stops = [1, 0.5, 0.6, 0.55].map((valLoss, epoch) => stopper.observe(epoch, 0, valLoss));
    expect(stops).toEqual([false, false, false, true]);
    expect(stopper.stoppedAtEpoch).toBe(3);
  });

  it('gap-growth stops once the validation-training gap grew `patience` epochs running', () => {
    const stopper = new EarlyStopping(EarlyStoppingConfig.parse({ rule: 'gap-growth', patience: 2 }));
    const epochs: Array<[number, number]> = [[1, 1.1], [1, 1.1], [0.8, 1.0], [0.6, 1.0]];
    expect(epochs.map(([train, val], epoch) => stopper.observe(epoch, train, val))).toEqual([false, false, false, true]);
  });
});
