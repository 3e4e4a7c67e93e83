import { z } from 'zod';
import { fitYeoJohnsonLambda, yeoJohnson } from './yeo-johnson';

/** The fitted parameters calcloud stores beside its models as `tx_data.json`, one entry per transformed column. */
export const PowerTransformParams = z.object({
  lambdas: z.array(z.number().finite()).min(1),
  mu: z.array(z.number().finite()).min(1),
  sigma: z.array(z.number().finite().positive()).min(1),
});
export type PowerTransformParams = z.infer<typeof PowerTransformParams>;

/** Fits Yeo-Johnson λ by maximum likelihood, then the mean and population standard deviation of each column. */
export function fitPowerTransform(columns: ReadonlyArray<ArrayLike<number>>): PowerTransformParams {
  const params: PowerTransformParams = { lambdas: [], mu: [], sigma: [] };
  for (const column of columns) {
    const lambda = fitYeoJohnsonLambda(column);
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < column.length; i++) {
      const y = yeoJohnson(column[i], lambda);
      sum += y;
      sumSquares += y * y;
    }
    const mean = sum / column.length;
    const sigma = Math.sqrt(Math.max(sumSquares / column.length - mean * mean, 0));
    params.lambdas.push(lambda);
    params.mu.push(mean);
    params.sigma.push(sigma > 0 ? sigma : 1);
  }
  return params;
}

/** Transforms one value of column `index`; rounded to 5 decimals as calcloud does. */
export function applyPowerTransform(params: PowerTransformParams, index: number, value: number): number {
  const standardised = (yeoJohnson(value, params.lambdas[index]) - params.mu[index]) / params.sigma[index];
  return Math.round(standardised * 1e5) / 1e5;
}
