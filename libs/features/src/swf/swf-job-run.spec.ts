import { JobRun } from '@jobcast/contracts';
import { parseSwf } from './swf-parser';
import { swfJobToJobRun } from './swf-job-run';

const trace = parseSwf(
  [
    '; UnixStartTime: 1000000000',
    '; Partition:  1 DEFAULT',
    '   12   100   5  553  40 552.21  1024  40  43200  -1  1  4  2  7 -1  1 -1 -1',
    '   16   200   5   -1   8     -1    -1   8    600  -1 -1  5  1 -1 -1  2 -1 -1',
  ].join('\n'),
);

describe('swfJobToJobRun', () => {
  it('maps a completed job to a valid JobRun with the README conventions', () => {
    const run = swfJobToJobRun(trace.jobs[0], trace.header);
    expect(JobRun.parse(run)).toEqual(run);
    expect(run).toMatchObject({
      payloadId: 'swf:12',
      source: 'swf',
      jobType: 'swf:user-4:exe-7:procs-40',
      instanceType: 'DEFAULT',
      queue: null,
      status: 'job-completed',
      queuedAt: '2001-09-09T01:48:20.000Z',
      startedAt: '2001-09-09T01:48:25.000Z',
      endedAt: '2001-09-09T01:57:38.000Z',
      queueWaitSeconds: 5,
      durationSeconds: 553,
      cpuCount: 40,
      peakMemoryBytes: 1024 * 1024 * 40,
    });
    expect(run.features).toMatchObject({ user: '4', executable: '7', requested_procs: 40, requested_time_s: 43200 });
  });

  it('keeps unknown values null and names an unnamed partition by its number', () => {
    const run = swfJobToJobRun(trace.jobs[1], trace.header);
    expect(JobRun.parse(run)).toEqual(run);
    expect(run).toMatchObject({
      jobType: 'swf:user-5:exe-unknown:procs-8',
      instanceType: 'partition-2',
      status: 'job-unknown',
      durationSeconds: null,
      endedAt: null,
      updatedAt: run.startedAt,
    });
  });
});
