import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCondorLog } from './condor-event-reader';
import { assembleCondorJobs } from './condor-job-assembly';

const jobsOf = (...lines: string[]) => assembleCondorJobs(parseCondorLog(lines.join('\n'), { year: 2020 }).events);

const RESOURCES = [
  '\tPartitionable Resources :    Usage  Request Allocated ',
  '\t   Cpus                  :                 4         4 ',
  '\t   Disk (KB)             :        7  1000000   1606087 ',
  '\t   Memory (MB)           :     2113    10000     10112 ',
];

describe('assembleCondorJobs', () => {
  it('follows a job from submit through a memory hold, a release, an eviction to a normal termination', () => {
    const { jobs, unattributed } = jobsOf(
      '000 (42.3.000) 10/30 17:31:02 Job submitted from host: <10.128.11.86:24462?addrs=10.128.11.86-24462>',
      '...',
      '001 (42.3.000) 10/30 17:33:56 Job executing on host: <10.128.10.69:56487?addrs=10.128.10.69-56487>',
      '...',
      '006 (42.3.000) 10/30 17:34:04 Image size of job updated: 1353492',
      '\t1210  -  MemoryUsage of job (MB)',
      '\t1238780  -  ResidentSetSize of job (KB)',
      '...',
      '007 (42.3.000) 10/30 17:34:06 Shadow exception!',
      '\tError from slot1_18@node005: Policy violation. Memory limit exceeded: requested 1000MB, used 1589MB.',
      '...',
      '012 (42.3.000) 10/30 17:34:06 Job was held.',
      '\tError from slot1_18@node005: Policy violation. Memory limit exceeded: requested 1000MB, used 1589MB.',
      '\tCode 21 Subcode 1001',
      '...',
      '013 (42.3.000) 10/30 18:00:00 Job was released.',
      '\tvia condor_release (by user amedina)',
      '...',
      '001 (42.3.000) 10/30 18:05:00 Job executing on host: <10.128.10.41:51312>',
      '...',
      '004 (42.3.000) 10/30 18:10:00 Job was evicted.',
      '\t(0) Job was not checkpointed.',
      ...RESOURCES,
      '...',
      '001 (42.3.000) 10/30 18:20:00 Job executing on host: <10.128.10.42:51312>',
      '...',
      '005 (42.3.000) 10/30 19:41:57 Job terminated.',
      '\t(1) Normal termination (return value 0)',
      ...RESOURCES,
      '...',
    );
    expect(unattributed).toEqual([]);
    expect(jobs).toEqual([
      {
        cluster: 42,
        proc: 3,
        id: '42.3',
        schedd: '10.128.11.86:24462',
        submittedAt: '2020-10-30T17:31:02.000Z',
        firstExecutedAt: '2020-10-30T17:33:56.000Z',
        executeHost: '10.128.10.42:51312',
        executions: 3,
        endedAt: '2020-10-30T19:41:57.000Z',
        lastEventAt: '2020-10-30T19:41:57.000Z',
        outcome: 'terminated-normally',
        exitCode: 0,
        signal: null,
        holds: [
          {
            time: '2020-10-30T17:34:06.000Z',
            reason: 'Error from slot1_18@node005: Policy violation. Memory limit exceeded: requested 1000MB, used 1589MB.',
            code: 21,
            subcode: 1001,
            peakMemoryMb: 1589,
            requestMemoryMb: 1000,
          },
        ],
        releasedAt: ['2020-10-30T18:00:00.000Z'],
        evictedAt: ['2020-10-30T18:10:00.000Z'],
        exceptions: ['Error from slot1_18@node005: Policy violation. Memory limit exceeded: requested 1000MB, used 1589MB.'],
        peakMemoryMb: 2113,
        requestMemoryMb: 10000,
        requestCpus: 4,
        requestDiskKb: 1000000,
      },
    ]);
  });

  it('tells every outcome apart and keeps a hold without reason or code', () => {
    const { jobs } = jobsOf(
      '000 (1.0.0) 10/30 10:00:00 Job submitted from host: <10.0.0.1:9618>',
      '...',
      '000 (1.1.0) 10/30 10:00:00 Job submitted from host: <10.0.0.1:9618>',
      '...',
      '001 (1.1.0) 10/30 10:01:00 Job executing on host: <10.0.0.2:9618>',
      '...',
      '000 (1.2.0) 10/30 10:00:00 Job submitted from host: <10.0.0.1:9618>',
      '...',
      '012 (1.2.0) 10/30 10:02:00 Job was held.',
      '...',
      '005 (2.0.0) 10/30 10:03:00 Job terminated.',
      '\t(0) Abnormal termination (signal 9)',
      '\t(0) No core file',
      '...',
      '005 (2.1.0) 10/30 10:03:00 Job terminated.',
      '\t(1) Normal termination (return value 3)',
      '...',
      '009 (2.2.0) 10/30 10:04:00 Job was aborted by the user.',
      '\tvia condor_rm (by user amedina)',
      '...',
    );
    expect(jobs.map(({ id, outcome, exitCode, signal, schedd }) => ({ id, outcome, exitCode, signal, schedd }))).toEqual([
      { id: '1.0', outcome: 'idle', exitCode: null, signal: null, schedd: '10.0.0.1:9618' },
      { id: '1.1', outcome: 'running', exitCode: null, signal: null, schedd: '10.0.0.1:9618' },
      { id: '1.2', outcome: 'held', exitCode: null, signal: null, schedd: '10.0.0.1:9618' },
      { id: '2.0', outcome: 'terminated-abnormally', exitCode: null, signal: 9, schedd: null },
      { id: '2.1', outcome: 'terminated-normally', exitCode: 3, signal: null, schedd: null },
      { id: '2.2', outcome: 'removed', exitCode: null, signal: null, schedd: null },
    ]);
    expect(jobs[2].holds).toEqual([
      { time: '2020-10-30T10:02:00.000Z', reason: null, code: null, subcode: null, peakMemoryMb: null, requestMemoryMb: null },
    ]);
  });

  it('reads the limit (and peak, when written) of an out-of-memory hold (code 34) as the request the job outgrew', () => {
    const { jobs } = jobsOf(
      '012 (3.0.0) 10/30 10:02:00 Job was held.',
      '\tError from slot1_1@node: Job has gone over memory limit of 2048 megabytes. Peak usage: 2100 megabytes.',
      '\tCode 34 Subcode 0',
      '...',
      '012 (3.1.0) 10/30 10:02:00 Job was held.',
      '\tError from slot1_1@node: Job has gone over memory limit of 4096 megabytes.',
      '\tCode 34 Subcode 0',
      '...',
    );
    expect(jobs.map(({ holds: [hold] }) => [hold.code, hold.peakMemoryMb, hold.requestMemoryMb])).toEqual([
      [34, 2100, 2048],
      [34, null, 4096],
    ]);
  });

  it('sets records with negative ids apart instead of inventing a job for them', () => {
    const { jobs, unattributed } = jobsOf('012 (-01.-01.-01) 05/22 18:28:20 Job was held.', '...');
    expect(jobs).toEqual([]);
    expect(unattributed).toHaveLength(1);
  });
});

const SHARED = join(__dirname, '../../../../../shared/data/htcondor');
const present = existsSync(SHARED);
if (!present) console.warn(`HTCondor job tests skipped: ${SHARED} is absent (the shared real-data folder is not mounted)`);

(present ? describe : describe.skip)('assembleCondorJobs on the real logs of shared/data/htcondor', () => {
  const read = (file: string) => assembleCondorJobs(parseCondorLog(readFileSync(join(SHARED, file), 'utf8'), { year: 2020 }).events);

  it('assembles the 60 IceCube jobs: 10 held for memory (Code 21 Subcode 1001) and then removed, none released', () => {
    const { jobs, unattributed } = read('icecube-cosmicray-job.log');
    expect(unattributed).toEqual([]);
    expect(jobs).toHaveLength(60);
    const held = jobs.filter((job) => job.holds.length > 0);
    expect(held).toHaveLength(10);
    for (const job of held) {
      expect(job.holds).toEqual([expect.objectContaining({ code: 21, subcode: 1001, requestMemoryMb: 1000 })]);
      expect(job.holds[0].peakMemoryMb).toBeGreaterThan(1000);
      expect(job.outcome).toBe('removed');
    }
    expect(jobs.filter((job) => job.releasedAt.length > 0)).toEqual([]);
    const outcomes = jobs.reduce<Record<string, number>>((counts, job) => ({ ...counts, [job.outcome]: (counts[job.outcome] ?? 0) + 1 }), {});
    expect(outcomes).toEqual({ removed: 30, 'terminated-normally': 20, idle: 10 });
  });

  it('sets the synthetic records of HTCondor’s test log apart: 2 real jobs, 845 records without a job', () => {
    const { jobs, unattributed } = read('htcondor-test-condor.log');
    expect(jobs.map((job) => [job.id, job.outcome, job.exitCode])).toEqual([
      ['2758.0', 'terminated-normally', 0],
      ['2759.0', 'terminated-normally', 0],
    ]);
    expect(unattributed).toHaveLength(845);
    expect(unattributed.filter((event) => event.code === 12)).toHaveLength(48);
    expect(unattributed.filter((event) => event.code === 13)).toHaveLength(43);
  });
});
