import { loadTrainerConfig } from './config';

describe('trainer configuration', () => {
  const base = { DATABASE_URL: 'pglite://memory' };

  it('defaults to a daily schedule of every family, attached runs and a folder store', () => {
    const config = loadTrainerConfig(base);
    expect(config).toMatchObject({
      TRAINER_CRON: '0 3 * * *',
      TRAINER_FAMILIES: ['calcloud', 'runtime'],
      TRAINER_EXECUTION: 'attached',
      MODEL_STORE_URL: 'var/models',
      TRAINER_PROMOTION_TOLERANCE: 0.02,
    });
  });

  it('accepts `off` to disable the schedule', () => {
    expect(loadTrainerConfig({ ...base, TRAINER_CRON: 'off' }).TRAINER_CRON).toBe('off');
  });

  it('names every bad variable', () => {
    expect(() => loadTrainerConfig({ TRAINER_CRON: 'every day', TRAINER_PROMOTION_TOLERANCE: '-1' })).toThrow(
      /DATABASE_URL: .*TRAINER_CRON: a cron expression or `off`.*TRAINER_PROMOTION_TOLERANCE/,
    );
  });
});
