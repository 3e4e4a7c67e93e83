import { decidePromotion } from './promotion-gate';

const gate = (candidate: number, champion: number | null, championError: string | null = null) => ({
  metric: 'accuracy',
  rows: 100,
  candidate,
  champion,
  championError,
});

describe('promotion gate', () => {
  it('promotes the first model of a family', () => {
    expect(decidePromotion(gate(0.5, null), 'maximize', 0.02)).toMatchObject({ promote: true, reason: expect.stringContaining('first model') });
  });

  it('promotes within the tolerance and refuses beyond it, in the metric direction', () => {
    expect(decidePromotion(gate(0.97, 0.98), 'maximize', 0.02).promote).toBe(true);
    const refused = decidePromotion(gate(0.9, 0.98), 'maximize', 0.02);
    expect(refused.promote).toBe(false);
    expect(refused.reason).toContain('beyond the tolerance');
    expect(decidePromotion(gate(110, 100), 'minimize', 0.02).promote).toBe(false);
    expect(decidePromotion(gate(90, 100), 'minimize', 0).promote).toBe(true);
  });

  it('refuses a candidate without the metric', () => {
    expect(decidePromotion(gate(Number.NaN, 0.9), 'maximize', 0.02).promote).toBe(false);
  });

  it('replaces a champion that can no longer be scored', () => {
    expect(decidePromotion(gate(0.8, null, 'missing weights'), 'maximize', 0.02).promote).toBe(true);
  });
});
