import { loadPriceTable } from '../../pricing';
import { fitRuntimeModel } from '../runtime';
import { completedRun } from '../runtime/job-run-fixture';
import { estimateCost } from './job-cost';
import { expectedCostPerInstance } from './expected-cost';

const table = loadPriceTable();

describe('estimateCost', () => {
  it('prices duration × hourly price plus staged storage and PUTs', () => {
    const cost = estimateCost(
      { durationSeconds: 1800, instanceType: 'c5.9xlarge', stagedOutputBytes: 10e9, stagedOutputObjects: 2000 },
      table,
    );
    expect(cost?.computeUsd).toBeCloseTo(0.765, 12);
    // 10 GB × $0.023 for one month + 2 × $0.005
    expect(cost?.storageUsd).toBeCloseTo(0.23 + 0.01, 12);
    expect(cost?.totalUsd).toBeCloseTo(1.005, 12);
    expect(cost).toMatchObject({ market: 'onDemand', hourlyUsd: 1.53 });
  });

  it('uses the spot price when asked', () => {
    const spot = estimateCost({ durationSeconds: 3600, instanceType: 'm5.large', market: 'spot' }, table);
    expect(spot?.computeUsd).toBe(table.prices['m5.large'].spot);
  });

  it('refuses to price an unknown instance rather than calling it free', () => {
    expect(estimateCost({ durationSeconds: 3600, instanceType: 'x9.mega' }, table)).toBeNull();
  });

  it('names a bad quantity', () => {
    expect(() => estimateCost({ durationSeconds: -1, instanceType: 'm5.large' }, table)).toThrow(/durationSeconds/);
  });
});

describe('expectedCostPerInstance', () => {
  it('prices each candidate with its own expected runtime, cheapest first, listing the unpriceable', () => {
    const model = fitRuntimeModel([
      completedRun({ jobType: 'a', instanceType: 'c5.large', durationSeconds: 7200, endedAt: '2024-01-01T00:00:00Z' }),
      completedRun({ jobType: 'a', instanceType: 'c5.4xlarge', durationSeconds: 600, endedAt: '2024-01-01T00:01:00Z' }),
    ], { shrinkage: 0 });
    const answer = expectedCostPerInstance({ jobType: 'a', candidates: ['c5.large', 'c5.4xlarge', 'x9.mega'] }, model, table);
    expect(answer.unpriced).toEqual(['x9.mega']);
    expect(answer.perInstance.map((cost) => cost.instance)).toEqual(['c5.4xlarge', 'c5.large']);
    expect(answer.perInstance[1].usd).toBeCloseTo(2 * 0.085, 6);
  });
});
