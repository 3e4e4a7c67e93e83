import { generateHistory, normalizeJobStatus } from '@jobcast/features';
import type { JobRun } from '@jobcast/contracts';
import { calcloudFamily } from './calcloud.family';

/** Finished runs of a small synthetic HySDS history, normalized as the features service stores them. */
function syntheticRuns(): JobRun[] {
  const runs: JobRun[] = [];
  for (const document of generateHistory({ jobs: 2000, seed: 3 })) {
    const result = normalizeJobStatus(document);
    if (result.ok && result.run.status === 'job-completed') runs.push(result.run);
  }
  return runs;
}

describe('calcloud family data selection', () => {
  const runs = syntheticRuns();
  const calibration = runs.filter((run) => run.jobType.startsWith('job-hst_calibration'));
  const others = runs.filter((run) => !run.jobType.startsWith('job-hst_calibration'));

  it('trains on HySDS calibration jobs whose params carry the calcloud keywords', () => {
    expect(calibration.length).toBeGreaterThan(50);
    expect(calibration.every((run) => calcloudFamily.usable(run))).toBe(true);
  });

  it('leaves out HySDS jobs without calcloud inputs', () => {
    expect(others.length).toBeGreaterThan(500);
    expect(others.some((run) => calcloudFamily.usable(run))).toBe(false);
  });
});
