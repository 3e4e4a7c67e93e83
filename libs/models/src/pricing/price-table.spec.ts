import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hourlyPrice, loadPriceTable } from './price-table';

describe('price table', () => {
  const table = loadPriceTable();

  it('bundles a versioned table with its source and the common EC2 families', () => {
    expect(table).toMatchObject({ currency: 'USD', storage: { s3StandardUsdPerGbMonth: 0.023, s3PutUsdPer1000: 0.005 } });
    expect(table.version).not.toBe('');
    for (const family of ['c5', 'c5a', 'm5', 'm5a', 'r5', 'r5a']) expect(table.prices[`${family}.xlarge`]).toBeDefined();
  });

  it('looks up on-demand and spot prices', () => {
    expect(hourlyPrice(table, 'c5.9xlarge')).toBe(1.53);
    expect(hourlyPrice(table, 'c5.9xlarge', 'spot')).toBeLessThan(1.53);
  });

  it('has no price for an unknown instance, including inherited object keys', () => {
    expect(hourlyPrice(table, 'x9.mega')).toBeNull();
    expect(hourlyPrice(table, 'constructor')).toBeNull();
  });

  it('loads an override file and names a bad one', () => {
    const folder = mkdtempSync(join(tmpdir(), 'prices-'));
    const good = join(folder, 'good.json');
    writeFileSync(good, JSON.stringify({ ...table, version: 'mine', prices: { 'c5.large': { onDemand: 1, spot: null } } }));
    const mine = loadPriceTable(good);
    expect(mine.version).toBe('mine');
    expect(hourlyPrice(mine, 'c5.large', 'spot')).toBeNull();

    const bad = join(folder, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...table, prices: { 'c5.large': { onDemand: -1, spot: 0 } } }));
    expect(() => loadPriceTable(bad)).toThrow(`price table ${bad} is invalid at prices.c5.large.onDemand`);
    expect(() => loadPriceTable(join(folder, 'missing.json'))).toThrow(/cannot be read/);
  });
});
