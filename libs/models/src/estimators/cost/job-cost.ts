import { hourlyPrice, type Market, type PriceTable } from '../../pricing';

export interface JobCostInput {
  durationSeconds: number;
  instanceType: string;
  market?: Market;
  /** bytes of products staged to object storage */
  stagedOutputBytes?: number;
  /** PUT requests made to stage them (one per object) */
  stagedOutputObjects?: number;
  /** months the staged products are kept */
  storageMonths?: number;
}

export interface JobCost {
  instanceType: string;
  market: Market;
  hourlyUsd: number;
  computeUsd: number;
  storageUsd: number;
  totalUsd: number;
}

const BYTES_PER_GB = 1e9;

/**
 * Cost of one job (reference §3): duration × the instance's hourly price, plus staged output kept in object
 * storage (per GB-month) and the PUT requests that staged it. null when the table has no price for the
 * instance on that market: an unknown instance must not be priced at $0, as SOAMC does.
 */
export function estimateCost(input: JobCostInput, table: PriceTable): JobCost | null {
  const market = input.market ?? 'onDemand';
  const hourlyUsd = hourlyPrice(table, input.instanceType, market);
  if (hourlyUsd === null) return null;
  for (const [name, value] of Object.entries({
    durationSeconds: input.durationSeconds,
    stagedOutputBytes: input.stagedOutputBytes ?? 0,
    stagedOutputObjects: input.stagedOutputObjects ?? 0,
    storageMonths: input.storageMonths ?? 1,
  })) {
    if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${name} must be a number ≥ 0, got ${value}`);
  }
  const computeUsd = (input.durationSeconds / 3600) * hourlyUsd;
  const storageUsd =
    ((input.stagedOutputBytes ?? 0) / BYTES_PER_GB) * table.storage.s3StandardUsdPerGbMonth * (input.storageMonths ?? 1) +
    ((input.stagedOutputObjects ?? 0) / 1000) * table.storage.s3PutUsdPer1000;
  return { instanceType: input.instanceType, market, hourlyUsd, computeUsd, storageUsd, totalUsd: computeUsd + storageUsd };
}
