import type { RuntimeSample } from './fixture-models';

/** A small deterministic runtime history: two job types on two instances with spread. */
export function runtimeSamples(): RuntimeSample[] {
  const samples: RuntimeSample[] = [];
  for (let i = 0; i < 40; i++) {
    samples.push({ jobType: 'job-hello_world:develop', instance: 'c5.9xlarge', seconds: 100 + (i % 10) * 5 });
    samples.push({ jobType: 'job-hello_world:develop', instance: 'm5.xlarge', seconds: 200 + (i % 8) * 10 });
    samples.push({ jobType: 'job-SCIFLO_GCOV:release-2.0', instance: 'c5.9xlarge', seconds: 3000 + (i % 5) * 100 });
  }
  return samples;
}

export const HOURLY_PRICES: Record<string, number> = {
  'c5.9xlarge': 1.53,
  'm5.xlarge': 0.192,
  'c5a.2xlarge': 0.308,
  'm5a.2xlarge': 0.344,
  'r5a.xlarge': 0.226,
  'r5a.2xlarge': 0.452,
};
