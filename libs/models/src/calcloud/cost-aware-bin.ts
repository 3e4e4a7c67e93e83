import { hourlyPrice, loadPriceTable, PriceTable } from '../pricing';
import { MEMORY_BIN_COUNT } from './calcloud-targets';

/**
 * calcloud's AWS Batch ladder (reference §4): bin → the job's reservation and the instance type that hosts it.
 * A job pays its share of the instance: the larger of its vCPU share and its memory share.
 */
export const CALCLOUD_BIN_LADDER = [
  { bin: 0, instanceType: 'c5a.2xlarge', jobVcpus: 1, jobMemoryMiB: 1792, instanceVcpus: 8, instanceMemoryMiB: 16384 },
  { bin: 1, instanceType: 'm5a.2xlarge', jobVcpus: 2, jobMemoryMiB: 7168, instanceVcpus: 8, instanceMemoryMiB: 32768 },
  { bin: 2, instanceType: 'r5a.xlarge', jobVcpus: 2, jobMemoryMiB: 14336, instanceVcpus: 4, instanceMemoryMiB: 32768 },
  { bin: 3, instanceType: 'r5a.2xlarge', jobVcpus: 8, jobMemoryMiB: 57344, instanceVcpus: 8, instanceMemoryMiB: 65536 },
] as const;

/** USD per job-hour of each bin, from the price table (libs/models/src/pricing/ec2-prices.json unless overridden). */
export function binHourlyRates(table: PriceTable = loadPriceTable()): number[] {
  return CALCLOUD_BIN_LADDER.map((step) => {
    const price = hourlyPrice(table, step.instanceType, 'onDemand');
    if (price === null) throw new Error(`price table ${table.version} has no on-demand price for ${step.instanceType} (memory bin ${step.bin})`);
    return price * Math.max(step.jobVcpus / step.instanceVcpus, step.jobMemoryMiB / step.instanceMemoryMiB);
  });
}

/**
 * Expected USD of starting a job in each bin. If the job truly needs a higher bin it runs out of memory, is
 * resubmitted one bin higher (calcloud's retry rule) and pays the failed attempt — taken as a full run, since the
 * kill can come late — plus the delay of the extra turnaround (the lost run and a new queue wait) valued at
 * `retryDelayUsdPerHour`.
 */
export interface RetryPenalty {
  retryDelayUsdPerHour: number;
  queueWaitHours: number;
}

export function expectedBinCosts(probabilities: ArrayLike<number>, runHours: number, rates: number[], penalty: RetryPenalty): number[] {
  const chooser = new CostAwareBinChooser(rates, penalty);
  return Array.from({ length: MEMORY_BIN_COUNT }, (_, start) => chooser.expectedCost(probabilities, runHours, start));
}

/**
 * The same expected cost, precomputed for serving: starting in bin s when the job needs bin t costs
 * `runHours × perRunHour[s][t] + fixed[s][t]` (the failed runs, their retry delay, and the run that fits).
 */
export class CostAwareBinChooser {
  private readonly perRunHour: Float64Array;
  private readonly fixed: Float64Array;

  constructor(rates: number[], penalty: RetryPenalty) {
    this.perRunHour = new Float64Array(MEMORY_BIN_COUNT * MEMORY_BIN_COUNT);
    this.fixed = new Float64Array(MEMORY_BIN_COUNT * MEMORY_BIN_COUNT);
    for (let start = 0; start < MEMORY_BIN_COUNT; start++) {
      for (let truth = 0; truth < MEMORY_BIN_COUNT; truth++) {
        let perHour = rates[Math.max(start, truth)];
        let fixed = 0;
        for (let bin = start; bin < truth; bin++) {
          perHour += rates[bin] + penalty.retryDelayUsdPerHour;
          fixed += penalty.retryDelayUsdPerHour * penalty.queueWaitHours;
        }
        this.perRunHour[start * MEMORY_BIN_COUNT + truth] = perHour;
        this.fixed[start * MEMORY_BIN_COUNT + truth] = fixed;
      }
    }
  }

  expectedCost(probabilities: ArrayLike<number>, runHours: number, start: number): number {
    let expected = 0;
    for (let truth = 0; truth < MEMORY_BIN_COUNT; truth++) {
      const cell = start * MEMORY_BIN_COUNT + truth;
      expected += probabilities[truth] * (runHours * this.perRunHour[cell] + this.fixed[cell]);
    }
    return expected;
  }

  /** The bin with the lowest expected cost (the lower bin on a tie). */
  cheapest(probabilities: ArrayLike<number>, runHours: number): number {
    let best = 0;
    let bestCost = this.expectedCost(probabilities, runHours, 0);
    for (let start = 1; start < MEMORY_BIN_COUNT; start++) {
      const cost = this.expectedCost(probabilities, runHours, start);
      if (cost < bestCost) {
        best = start;
        bestCost = cost;
      }
    }
    return best;
  }
}
