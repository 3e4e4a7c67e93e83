import { readFileSync } from 'node:fs';
import { z } from 'zod';
import bundledTable from './ec2-prices.json';

const UsdPerHour = z.number().finite().nonnegative();

export const PriceTable = z.object({
  version: z.string().min(1),
  source: z.string().min(1),
  retrieved: z.string().min(1),
  currency: z.literal('USD'),
  unit: z.literal('per instance-hour'),
  region: z.string().min(1),
  storage: z.object({
    s3StandardUsdPerGbMonth: z.number().finite().nonnegative(),
    s3PutUsdPer1000: z.number().finite().nonnegative(),
  }),
  prices: z.record(z.string().min(1), z.object({ onDemand: UsdPerHour, spot: UsdPerHour.nullable() })),
});
export type PriceTable = z.infer<typeof PriceTable>;

export type Market = 'onDemand' | 'spot';

/**
 * The table bundled with Jobcast (`ec2-prices.json` beside this file), or the file at `path` (a deployment's own prices, named in its configuration).
 * A file that is missing, not JSON or not a price table fails with the path and the offending field.
 */
export function loadPriceTable(path?: string): PriceTable {
  if (path === undefined) return PriceTable.parse(bundledTable);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`price table ${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = PriceTable.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`price table ${path} is invalid at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** $/hour of an instance type on a market; null when the table does not list it (or has no spot price). */
export function hourlyPrice(table: PriceTable, instanceType: string, market: Market = 'onDemand'): number | null {
  const entry = Object.hasOwn(table.prices, instanceType) ? table.prices[instanceType] : undefined;
  if (!entry) return null;
  return market === 'spot' ? entry.spot : entry.onDemand;
}
