import type { JobRun } from '@jobcast/contracts';

/**
 * A deterministic calcloud history: memory grows with input size (so bins are learnable), wallclock with file count.
 * Used where a test needs the calcloud family without the real data set.
 */
export function calcloudHistory(count: number): JobRun[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, index) => {
    const nFiles = 1 + (index % 40);
    const totalMb = 10 + ((index * 37) % 4000);
    const memoryGb = 0.5 + totalMb / 250 + 0.3 * Math.sin(index);
    const ended = new Date(now - (count - index) * 600_000);
    return {
      payloadId: `ictest${String(index).padStart(4, '0')}`,
      source: 'calcloud',
      jobId: null,
      jobType: 'job-hst_calibration:wfc3',
      queue: null,
      instanceType: null,
      status: 'job-completed',
      exitCode: 0,
      queuedAt: null,
      startedAt: null,
      endedAt: ended.toISOString(),
      updatedAt: ended.toISOString(),
      queueWaitSeconds: null,
      durationSeconds: 60 + nFiles * 45 + totalMb * 0.2,
      commandDurationSeconds: null,
      inputCount: nFiles,
      inputBytes: totalMb * 1e6,
      outputBytes: null,
      peakMemoryBytes: Math.round(memoryGb * 1024 ** 3),
      cpuCount: null,
      tags: [],
      features: {
        n_files: nFiles,
        total_mb: totalMb,
        drizcorr: index % 2,
        pctecorr: index % 3 === 0 ? 1 : 0,
        crsplit: index % 3,
        subarray: 0,
        detector: 1,
        dtype: index % 5 === 0 ? 1 : 0,
        instr: 3,
      },
    };
  });
}
