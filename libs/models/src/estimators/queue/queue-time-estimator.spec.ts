import { QueueTimeEstimator } from './queue-time-estimator';

describe('QueueTimeEstimator', () => {
  it('gives no bound until a group or the pool holds enough waits', () => {
    const estimator = new QueueTimeEstimator();
    for (let wait = 1; wait <= 58; wait++) estimator.observe('q', wait);
    expect(estimator.bound('q')).toBeNull();
    estimator.observe('q', 59);
    expect(estimator.bound('q')).toEqual({ boundSeconds: 59, quantile: 0.95, confidence: 0.95, samples: 59, level: 'group' });
  });

  it('answers from the pooled groups while a group is short, and says so', () => {
    const estimator = new QueueTimeEstimator();
    for (let index = 0; index < 100; index++) estimator.observe(index % 2 ? 'a' : 'b', index % 10);
    expect(estimator.bound('a')?.level).toBe('all');
    expect(estimator.bound('never-seen')).toMatchObject({ level: 'all', samples: 100 });
  });

  it('counts jobs still waiting with their wait so far', () => {
    const estimator = new QueueTimeEstimator();
    for (let index = 0; index < 100; index++) estimator.observe('q', 10);
    const pending = Array(20).fill(5000);
    expect(estimator.bound('q')?.boundSeconds).toBe(10);
    expect(estimator.bound('q', pending)).toMatchObject({ boundSeconds: 5000, samples: 120 });
  });

  it('resets to the newest history after an improbable run of misses (a change point)', () => {
    const estimator = new QueueTimeEstimator({ windowSize: 500 });
    for (let index = 0; index < 400; index++) estimator.observe('q', 10);
    // two misses in a row are rarer than 1 % when the bound holds at 0.95, so the history is trimmed to 59
    estimator.observe('q', 1000);
    estimator.observe('q', 1000);
    for (let index = 0; index < 5; index++) estimator.observe('q', 1000);
    // the newest 59 (the first miss among them) + the second miss + 5 more: 7 of 65 waits are 1000, more than
    // the 5 % a bound may leave above it; without the reset they would be 7 of 407 and the bound would stay 10
    expect(estimator.bound('q')).toMatchObject({ boundSeconds: 1000, samples: 65 });
  });

  it('keeps the whole window without a change point', () => {
    const estimator = new QueueTimeEstimator({ windowSize: 500 });
    for (let index = 0; index < 400; index++) estimator.observe('q', index % 50 === 0 ? 1000 : 10);
    expect(estimator.bound('q')?.samples).toBe(400);
  });

  it('rejects bad waits and a window too short for any bound', () => {
    expect(() => new QueueTimeEstimator().observe('q', -1)).toThrow(/wait/);
    expect(() => new QueueTimeEstimator({ windowSize: 10 })).toThrow(/59 waits/);
  });
});
