import type { Prediction } from '@jobcast/contracts';

/** Two predictions as the service makes them: with calcloud's memory answer, and from runtime statistics only. */
export const withMemory: Prediction = {
  payloadId: 'ia2l51030',
  jobType: 'job-hst_calibration:wfc3',
  instance: null,
  memory: { bin: 1, binProbabilities: [0.01, 0.97, 0.01, 0.01], gb: 3.2, costAwareBin: 1, costAwareInstance: 'm5a.2xlarge' },
  wallclock: { seconds: 2961.25, killTimeSeconds: 7200, source: 'calcloud' },
  runtime: { mean: 122.5, stdev: 14.36, p50: 120, p90: 140, p99: 160, samples: 12, level: 'job-type', fallback: true, units: 'seconds' },
  cost: { expectedUsd: 0.28, instance: 'm5a.2xlarge', perInstance: [{ instance: 'm5a.2xlarge', usd: 0.28, hourlyUsd: 0.344 }], units: 'USD' },
  models: { calcloud: 'c1', runtime: 'r1', prices: '2024-06-01.1' },
  notes: ['runtime: no history for (job-hst_calibration:wfc3, m5a.2xlarge); answered at level job-type'],
};
export const withoutMemory: Prediction = {
  ...withMemory,
  payloadId: null,
  jobType: 'job-hello_world:develop',
  instance: 'c5.9xlarge',
  memory: null,
  wallclock: { seconds: 120, killTimeSeconds: 160, source: 'runtime' },
  cost: { expectedUsd: null, instance: null, perInstance: [], units: 'USD' },
  notes: [],
};
