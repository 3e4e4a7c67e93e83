/**
 * Histogram binning for gradient boosting: each feature's candidate split thresholds are the midpoints between its
 * distinct training values (or between quantiles when there are more than `maxBins` of them).
 */
export interface FeatureBins {
  /** per feature, ascending thresholds; value <= thresholds[b] falls in bin b, above all of them in the last bin */
  thresholds: number[][];
}

export function fitFeatureBins(x: Float32Array, rows: number, features: number, maxBins = 255): FeatureBins {
  const thresholds: number[][] = [];
  for (let f = 0; f < features; f++) {
    const values = new Float64Array(rows);
    for (let r = 0; r < rows; r++) values[r] = x[r * features + f];
    values.sort();
    const distinct: number[] = [];
    for (let r = 0; r < rows; r++) if (r === 0 || values[r] !== values[r - 1]) distinct.push(values[r]);
    const cuts: number[] = [];
    if (distinct.length <= maxBins) {
      for (let i = 1; i < distinct.length; i++) cuts.push((distinct[i - 1] + distinct[i]) / 2);
    } else {
      for (let q = 1; q < maxBins; q++) {
        const cut = values[Math.floor((q * rows) / maxBins)];
        if (cuts.length === 0 || cut > cuts[cuts.length - 1]) cuts.push(cut);
      }
    }
    thresholds.push(cuts);
  }
  return { thresholds };
}

/** Bin index of every cell, row-major like `x`. */
export function binRows(bins: FeatureBins, x: Float32Array, rows: number): Uint8Array {
  const features = bins.thresholds.length;
  const out = new Uint8Array(rows * features);
  for (let f = 0; f < features; f++) {
    const cuts = bins.thresholds[f];
    for (let r = 0; r < rows; r++) {
      const value = x[r * features + f];
      let lo = 0;
      let hi = cuts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (value <= cuts[mid]) hi = mid;
        else lo = mid + 1;
      }
      out[r * features + f] = lo;
    }
  }
  return out;
}
