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
  const costIfTrue = (start: number, truth: number): number => {
    let cost = 0;
    for (let bin = start; bin < truth; bin++) cost += rates[bin] * runHours + penalty.retryDelayUsdPerHour * (runHours + penalty.queueWaitHours);
    return cost + rates[Math.max(start, truth)] * runHours;
  };
  const costs: number[] = [];
  for (let start = 0; start < MEMORY_BIN_COUNT; start++) {
    let expected = 0;
    for (let truth = 0; truth < MEMORY_BIN_COUNT; truth++) expected += probabilities[truth] * costIfTrue(start, truth);
    costs.push(expected);
  }
  return costs;
}

export function cheapestBin(costs: number[]): number {
  return costs.indexOf(Math.min(...costs));
}
