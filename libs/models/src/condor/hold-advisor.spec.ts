import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleCondorJobs, type CondorHold, type CondorJob, parseCondorLog } from '@jobcast/features';
import { adviseHold, jobsOnHold } from './hold-advisor';
import { memoryAfterOutOfMemoryMb } from './memory-hold';
import { ReleaseHistory } from './release-history';

function hold(overrides: Partial<CondorHold> = {}): CondorHold {
  const unknown = { reason: null, code: null, subcode: null, peakMemoryMb: null, requestMemoryMb: null };
  return { time: '2024-01-31T12:00:00.000Z', ...unknown, ...overrides };
}

function job(overrides: Partial<CondorJob> = {}): CondorJob {
  return {
    cluster: 7,
    proc: 0,
    id: '7.0',
    schedd: null,
    submittedAt: null,
    firstExecutedAt: null,
    executeHost: null,
    executions: 0,
    endedAt: null,
    lastEventAt: '2024-01-31T12:00:00.000Z',
    outcome: 'held',
    exitCode: null,
    signal: null,
    holds: [hold()],
    releasedAt: [],
    evictedAt: [],
    exceptions: [],
    peakMemoryMb: null,
    requestMemoryMb: null,
    requestCpus: null,
    requestDiskKb: null,
    ...overrides,
  };
}

/** A finished job that was held with `code`, released, and ended as `outcome`. */
const released = (code: number | null, outcome: CondorJob['outcome']): CondorJob =>
  job({ outcome, holds: [hold({ code })], releasedAt: ['2024-01-31T13:00:00.000Z'] });

const noHistory = new ReleaseHistory();

describe('memoryAfterOutOfMemoryMb', () => {
  it('is the VPA rule: 100 MiB more for small jobs, 20 % more for large ones, rounded up', () => {
    expect(memoryAfterOutOfMemoryMb(300)).toBe(400);
    expect(memoryAfterOutOfMemoryMb(500)).toBe(600);
    expect(memoryAfterOutOfMemoryMb(1576)).toBe(1892);
    expect(memoryAfterOutOfMemoryMb(1000.1)).toBe(1201);
  });
});

describe('adviseHold', () => {
  it.each([
    ['code 34', hold({ code: 34, peakMemoryMb: 2000 })],
    ['code 21 subcode 1001', hold({ code: 21, subcode: 1001, peakMemoryMb: 2000 })],
    ['a reason naming the memory limit', hold({ code: 26, reason: 'Memory limit exceeded: requested 1000MB, used 2000MB.', peakMemoryMb: 2000 })],
  ])('releases a memory hold (%s) with request_memory from the peak', (_, memoryHold) => {
    const advice = adviseHold(job({ holds: [memoryHold] }), noHistory);
    expect(advice).toMatchObject({
      jobId: '7.0',
      action: 'release',
      reason: 'held for memory: it used 2000 MB; release with request_memory = 2400 MB',
      evidence: { kind: 'memory', usageMb: 2000, usageFrom: 'peak', recommendedMemoryMb: 2400, maxMemoryMb: null },
    });
  });

  it('reads a memory hold from a 007 shadow exception when the hold itself says nothing', () => {
    const advice = adviseHold(
      job({ holds: [hold({ code: 21, subcode: 0, peakMemoryMb: 900 })], exceptions: ['Policy violation. Memory limit exceeded: …'] }),
      noHistory,
    );
    expect(advice).toMatchObject({ action: 'release', evidence: { recommendedMemoryMb: 1080 } });
  });

  it('falls back on the request the job outgrew when no peak was logged, and says so', () => {
    const advice = adviseHold(job({ holds: [hold({ code: 34, requestMemoryMb: 1000 })] }), noHistory);
    expect(advice).toMatchObject({
      action: 'release',
      reason: 'held for memory: it outgrew its request of 1000 MB; release with request_memory = 1200 MB',
      evidence: { usageFrom: 'request', usageMb: 1000 },
    });
  });

  it('removes a memory hold whose new request exceeds the pool maximum', () => {
    const advice = adviseHold(job({ holds: [hold({ code: 34, peakMemoryMb: 2085, requestMemoryMb: 1000 })] }), noHistory, { maxMemoryMb: 2048 });
    expect(advice).toMatchObject({
      action: 'remove',
      reason: "held for memory: it used 2085 MB and would need 2502 MB, more than the pool's 2048 MB",
      evidence: { kind: 'memory', requestMemoryMb: 1000, recommendedMemoryMb: 2502, maxMemoryMb: 2048 },
    });
  });

  it('leaves a user hold to the user', () => {
    expect(adviseHold(job({ holds: [hold({ code: 1 })] }), noHistory)).toMatchObject({ action: 'leave-to-user', evidence: { kind: 'user' } });
  });

  it('releases other holds when released jobs with that code mostly ended well, with the estimate and sample size', () => {
    const history = ReleaseHistory.learn([
      released(13, 'terminated-normally'),
      released(13, 'terminated-normally'),
      released(13, 'removed'),
      released(12, 'terminated-abnormally'),
      released(12, 'removed'),
      released(12, 'terminated-normally'),
      released(12, 'running'), // unfinished: no label
      job({ outcome: 'removed', holds: [hold({ code: 12 })] }), // never released: no sample
    ]);
    expect(adviseHold(job({ holds: [hold({ code: 13 })] }), history)).toEqual({
      jobId: '7.0',
      action: 'release',
      reason: '2 of 3 released jobs with hold code 13 terminated normally (estimate 0.60), above 0.5',
      hold: hold({ code: 13 }),
      evidence: { kind: 'history', holdCode: '13', samples: 3, succeeded: 2, estimate: 0.6, threshold: 0.5, minSamples: 3 },
    });
    expect(adviseHold(job({ holds: [hold({ code: 12 })] }), history)).toMatchObject({
      action: 'remove',
      reason: '1 of 3 released jobs with hold code 12 terminated normally (estimate 0.40), not above 0.5',
    });
    expect(adviseHold(job({ holds: [hold({ code: 13 })] }), history, { releaseThreshold: 0.7 }).action).toBe('remove');
  });

  it('leaves a hold to the user when the history has too few released jobs with its code to tell', () => {
    expect(adviseHold(job({ holds: [hold({ code: 46 })] }), noHistory)).toMatchObject({
      action: 'leave-to-user',
      reason: '0 released jobs with hold code 46 in the history, fewer than 3: too few to advise',
    });
    const once = ReleaseHistory.learn([released(46, 'terminated-normally')]);
    expect(adviseHold(job({ holds: [hold({ code: 46 })] }), once).action).toBe('leave-to-user');
    expect(adviseHold(job({ holds: [hold({ code: 46 })] }), once, { minReleaseSamples: 1 }).action).toBe('release');
  });

  it('counts holds without a code under "unknown"', () => {
    const history = ReleaseHistory.learn([released(null, 'terminated-normally')]);
    expect(adviseHold(job(), history, { minReleaseSamples: 1 })).toMatchObject({
      action: 'release',
      evidence: { holdCode: 'unknown', samples: 1 },
    });
  });

  it('only counts a hold as released when a release came after it', () => {
    const heldAgain = job({
      outcome: 'removed',
      holds: [hold({ code: 13 }), hold({ code: 12, time: '2024-01-31T14:00:00.000Z' })],
      releasedAt: ['2024-01-31T13:00:00.000Z'],
    });
    const history = ReleaseHistory.learn([heldAgain]);
    expect(history.record(13)).toEqual({ samples: 1, succeeded: 0, estimate: 1 / 3 });
    expect(history.record(12)).toEqual({ samples: 0, succeeded: 0, estimate: 0.5 });
    expect(history.samples).toBe(1);
  });

  it('refuses a job that was never held, naming it', () => {
    expect(() => adviseHold(job({ holds: [] }), noHistory)).toThrow('job 7.0 has no hold to advise on');
  });

  it('lists the jobs still held', () => {
    expect(jobsOnHold([job(), job({ id: '7.1', outcome: 'removed' })]).map((held) => held.id)).toEqual(['7.0']);
  });
});

const ICECUBE = join(__dirname, '../../../../../shared/data/htcondor/icecube-cosmicray-job.log');
const present = existsSync(ICECUBE);
if (!present) console.warn(`HTCondor advice test skipped: ${ICECUBE} is absent (the shared real-data folder is not mounted)`);

(present ? describe : describe.skip)('adviseHold on the real IceCube log', () => {
  const { jobs } = assembleCondorJobs(parseCondorLog(readFileSync(ICECUBE, 'utf8'), { year: 2020 }).events);
  const held = jobs.filter((candidate) => candidate.holds.length > 0);

  it('would have released each of the 10 memory holds with a request from its peak (all were removed instead)', () => {
    const advice = held.map((heldJob) => adviseHold(heldJob, ReleaseHistory.learn(jobs), {}, heldJob.holds[0]));
    expect(advice).toHaveLength(10);
    expect(advice.every((item) => item.action === 'release' && item.evidence.kind === 'memory')).toBe(true);
    const recommended = advice.map((item) => (item.evidence.kind === 'memory' ? item.evidence.recommendedMemoryMb : 0));
    expect(Math.min(...recommended)).toBe(memoryAfterOutOfMemoryMb(1524));
    expect(Math.max(...recommended)).toBe(memoryAfterOutOfMemoryMb(2085));
    expect(jobsOnHold(jobs)).toEqual([]);
  });

  it('advises remove for the two that would need more than a 2 GB pool offers (peaks 2,085 and 1,911 MB)', () => {
    const advice = held.map((heldJob) => adviseHold(heldJob, new ReleaseHistory(), { maxMemoryMb: 2048 }, heldJob.holds[0]));
    expect(advice.filter((item) => item.action === 'remove').map((item) => item.jobId)).toEqual(['35817387.5', '35817387.9']);
  });
});
