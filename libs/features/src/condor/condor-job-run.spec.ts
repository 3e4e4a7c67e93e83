import { JobRun } from '@jobcast/contracts';
import { parseCondorLog } from './condor-event-reader';
import { assembleCondorJobs } from './condor-job-assembly';
import { condorJobToJobRun } from './condor-job-run';

const runsOf = (...lines: string[]) =>
  assembleCondorJobs(parseCondorLog(lines.join('\n'), { year: 2020 }).events).jobs.map(condorJobToJobRun);

describe('condorJobToJobRun', () => {
  it('maps a finished job to a valid JobRun named by its schedd', () => {
    const [run] = runsOf(
      '000 (35826158.1.0) 10/30 19:40:00 Job submitted from host: <10.128.11.86:24462?addrs=10.128.11.86-24462>',
      '...',
      '001 (35826158.1.0) 10/30 19:41:00 Job executing on host: <10.128.10.36:43037>',
      '...',
      '005 (35826158.1.0) 10/30 19:43:00 Job terminated.',
      '\t(1) Normal termination (return value 0)',
      '\tPartitionable Resources :    Usage  Request Allocated ',
      '\t   Cpus                  :                 4         4 ',
      '\t   Disk (KB)             :        7  1000000   1606087 ',
      '\t   Memory (MB)           :      512     8000      8064 ',
      '...',
    );
    expect(JobRun.parse(run)).toEqual(run);
    expect(run).toEqual({
      payloadId: 'condor:35826158.1@10.128.11.86:24462',
      source: 'condor',
      jobId: '35826158.1',
      jobType: 'condor:cluster-35826158',
      queue: null,
      instanceType: null,
      status: 'job-completed',
      exitCode: 0,
      queuedAt: '2020-10-30T19:40:00.000Z',
      startedAt: '2020-10-30T19:41:00.000Z',
      endedAt: '2020-10-30T19:43:00.000Z',
      updatedAt: '2020-10-30T19:43:00.000Z',
      queueWaitSeconds: 60,
      durationSeconds: 120,
      commandDurationSeconds: null,
      inputCount: null,
      inputBytes: null,
      outputBytes: null,
      peakMemoryBytes: 512 * 1024 * 1024,
      cpuCount: 4,
      tags: [],
      features: {
        cluster: '35826158',
        schedd: '10.128.11.86:24462',
        request_memory_mb: 8000,
        request_cpus: 4,
        request_disk_kb: 1000000,
        released_hold_code: null,
        terminated_normally: true,
        hold_count: 0,
      },
    });
  });

  it('maps outcomes to HySDS statuses and keeps what the log does not say null', () => {
    const runs = runsOf(
      '012 (1.0.0) 10/30 10:02:00 Job was held.',
      '...',
      '001 (1.1.0) 10/30 10:01:00 Job executing on host: <10.0.0.2:9618>',
      '...',
      '009 (1.2.0) 10/30 10:04:00 Job was aborted by the user.',
      '...',
      '005 (1.3.0) 10/30 10:03:00 Job terminated.',
      '\t(1) Normal termination (return value 1)',
      '...',
      '005 (1.4.0) 10/30 10:03:00 Job terminated.',
      '\t(0) Abnormal termination (signal 9)',
      '...',
    );
    for (const run of runs) expect(JobRun.parse(run)).toEqual(run);
    expect(runs.map(({ payloadId, status, tags, exitCode }) => ({ payloadId, status, tags, exitCode }))).toEqual([
      { payloadId: 'condor:1.0', status: 'job-queued', tags: ['held'], exitCode: null },
      { payloadId: 'condor:1.1', status: 'job-started', tags: [], exitCode: null },
      { payloadId: 'condor:1.2', status: 'job-revoked', tags: [], exitCode: null },
      { payloadId: 'condor:1.3', status: 'job-failed', tags: [], exitCode: 1 },
      { payloadId: 'condor:1.4', status: 'job-failed', tags: [], exitCode: null },
    ]);
    expect(runs[0]).toMatchObject({ queuedAt: null, startedAt: null, queueWaitSeconds: null, durationSeconds: null, peakMemoryBytes: null });
  });

  it('carries what the hold advisor learns from: the code of the released hold, the outcome and the hold count', () => {
    const runs = runsOf(
      '012 (2.0.0) 10/30 10:01:00 Job was held.',
      '\tTransfer input files failure',
      '\tCode 13 Subcode 2',
      '...',
      '013 (2.0.0) 10/30 10:02:00 Job was released.',
      '...',
      '012 (2.0.0) 10/30 10:03:00 Job was held.',
      '\tCode 12 Subcode 0',
      '...',
      '013 (2.0.0) 10/30 10:04:00 Job was released.',
      '...',
      '005 (2.0.0) 10/30 10:09:00 Job terminated.',
      '\t(1) Normal termination (return value 1)',
      '...',
      '012 (2.1.0) 10/30 10:01:00 Job was held.',
      '...',
      '013 (2.1.0) 10/30 10:02:00 Job was released.',
      '...',
      '009 (2.1.0) 10/30 10:05:00 Job was aborted by the user.',
      '...',
      '012 (2.2.0) 10/30 10:01:00 Job was held.',
      '\tCode 12 Subcode 0',
      '...',
    );
    const advisorFeatures = runs.map(({ features }) => ({
      code: features['released_hold_code'],
      normal: features['terminated_normally'],
      holds: features['hold_count'],
    }));
    expect(advisorFeatures).toEqual([
      // the last released hold counts; a normal termination is a success whatever its return value
      { code: '12', normal: true, holds: 2 },
      { code: 'unknown', normal: false, holds: 1 },
      { code: null, normal: null, holds: 1 },
    ]);
  });
});
