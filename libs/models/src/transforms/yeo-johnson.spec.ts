import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, toRecord } from '../calcloud/csv-table';
import { applyPowerTransform, fitPowerTransform } from './power-transformer';
import { fitYeoJohnsonLambda, yeoJohnson, yeoJohnsonLogLikelihood } from './yeo-johnson';

const CALCLOUD_CSV = join(__dirname, '../../../../../shared/data/calcloud/calcloud-2021-05-11.csv');
const present = existsSync(CALCLOUD_CSV);
if (!present) console.warn(`Yeo-Johnson reproduction skipped: ${CALCLOUD_CSV} is absent (the shared real-data folder is not mounted)`);

describe('Yeo-Johnson', () => {
  it('follows the published formula on both sides of zero', () => {
    expect(yeoJohnson(3, 0)).toBeCloseTo(Math.log(4), 12);
    expect(yeoJohnson(3, 0.5)).toBeCloseTo((Math.sqrt(4) - 1) / 0.5, 12);
    expect(yeoJohnson(-3, 2)).toBeCloseTo(-Math.log(4), 12);
    expect(yeoJohnson(-3, 1)).toBeCloseTo(-3, 12);
  });

  it('fits the λ that maximises the likelihood', () => {
    const skewed = Array.from({ length: 500 }, (_, i) => Math.exp((i % 50) / 8));
    const lambda = fitYeoJohnsonLambda(skewed);
    const best = yeoJohnsonLogLikelihood(skewed, lambda);
    expect(best).toBeGreaterThan(yeoJohnsonLogLikelihood(skewed, lambda + 0.05));
    expect(best).toBeGreaterThan(yeoJohnsonLogLikelihood(skewed, lambda - 0.05));
    expect(lambda).toBeLessThan(1);
  });

  it('standardises to mean 0 and population standard deviation 1', () => {
    const values = [1, 2, 3, 10, 50, 200, 1000];
    const params = fitPowerTransform([values]);
    const transformed = values.map((v) => applyPowerTransform(params, 0, v));
    const mean = transformed.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(transformed.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(0, 4);
    expect(sd).toBeCloseTo(1, 3);
  });

  (present ? it : it.skip)('reproduces the calcloud file’s own x_files / x_size columns within 1e-3', () => {
    const { header, rows } = parseCsv(readFileSync(CALCLOUD_CSV, 'utf8'));
    const records = rows.map((row) => toRecord(header, row));
    const params = fitPowerTransform([records.map((r) => Number(r['n_files'])), records.map((r) => Number(r['total_mb']))]);
    expect(params.lambdas[0]).toBeCloseTo(-1.524, 3);
    expect(params.lambdas[1]).toBeCloseTo(-0.068, 3);
    let worst = 0;
    for (const r of records) {
      worst = Math.max(worst, Math.abs(applyPowerTransform(params, 0, Number(r['n_files'])) - Number(r['x_files'])));
      worst = Math.max(worst, Math.abs(applyPowerTransform(params, 1, Number(r['total_mb'])) - Number(r['x_size'])));
    }
    expect(worst).toBeLessThan(1e-3);
  });
});
