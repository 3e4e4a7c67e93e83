/**
 * Yeo-Johnson power transform (Yeo & Johnson 2000), the transform calcloud applies to `n_files` and `total_mb`
 * through scikit-learn's PowerTransformer. λ is fitted by maximum likelihood exactly as scikit-learn does:
 * maximise the normal log-likelihood of the transformed column with Brent's method.
 */
export function yeoJohnson(x: number, lambda: number): number {
  if (x >= 0) {
    return Math.abs(lambda) < 1e-12 ? Math.log1p(x) : (Math.pow(x + 1, lambda) - 1) / lambda;
  }
  return Math.abs(lambda - 2) < 1e-12 ? -Math.log1p(-x) : -(Math.pow(1 - x, 2 - lambda) - 1) / (2 - lambda);
}

/** Normal log-likelihood of the transformed column (up to a constant), the objective scikit-learn maximises. */
export function yeoJohnsonLogLikelihood(values: ArrayLike<number>, lambda: number): number {
  const n = values.length;
  let sum = 0;
  let sumSquares = 0;
  let logJacobian = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    const y = yeoJohnson(x, lambda);
    sum += y;
    sumSquares += y * y;
    logJacobian += Math.sign(x) * Math.log1p(Math.abs(x));
  }
  const mean = sum / n;
  const variance = Math.max(sumSquares / n - mean * mean, Number.MIN_VALUE);
  return (-n / 2) * Math.log(variance) + (lambda - 1) * logJacobian;
}

/** λ maximising the likelihood, searched with Brent's method on [-5, 5] (scikit-learn brackets (-2, 2) then widens). */
export function fitYeoJohnsonLambda(values: ArrayLike<number>): number {
  if (values.length < 2) throw new Error('Yeo-Johnson needs at least 2 values to fit λ');
  return brentMaximise((lambda) => yeoJohnsonLogLikelihood(values, lambda), -5, 5, 1e-8);
}

/** Brent's one-dimensional maximisation (golden section with parabolic steps). */
function brentMaximise(f: (x: number) => number, lower: number, upper: number, tolerance: number): number {
  const golden = 0.381966011250105;
  let a = lower;
  let b = upper;
  let x = a + golden * (b - a);
  let w = x;
  let v = x;
  let fx = -f(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  for (let iteration = 0; iteration < 500; iteration++) {
    const middle = (a + b) / 2;
    const tol1 = tolerance * Math.abs(x) + 1e-11;
    const tol2 = 2 * tol1;
    if (Math.abs(x - middle) <= tol2 - (b - a) / 2) break;
    let useGolden = true;
    if (Math.abs(e) > tol1) {
      const r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      q = Math.abs(q);
      const previousE = e;
      e = d;
      if (Math.abs(p) < Math.abs(0.5 * q * previousE) && p > q * (a - x) && p < q * (b - x)) {
        d = p / q;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = x < middle ? tol1 : -tol1;
        useGolden = false;
      }
    }
    if (useGolden) {
      e = (x >= middle ? a : b) - x;
      d = golden * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
    const fu = -f(u);
    if (fu <= fx) {
      if (u >= x) a = x;
      else b = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return x;
}
