import { adviseCondorLog } from './log-advice';
import { ReleaseHistory } from './release-history';

/** Job 1.0 was released from a code-13 hold and terminated normally; 1.1 is on hold with code 13 at the log's end. */
const LOG = [
  '012 (1.0.0) 2024-01-31 10:00:00 Job was held.',
  '\tTransfer input files failure',
  '\tCode 13 Subcode 2',
  '...',
  '013 (1.0.0) 2024-01-31 10:05:00 Job was released.',
  '...',
  '005 (1.0.0) 2024-01-31 10:30:00 Job terminated.',
  '\t(1) Normal termination (return value 0)',
  '...',
  'not a record',
  '012 (1.1.0) 2024-01-31 11:00:00 Job was held.',
  '\tCode 13 Subcode 2',
  '...',
].join('\n');

describe('adviseCondorLog', () => {
  it('advises the jobs on hold from the stored history plus the log’s own released jobs', () => {
    const stored = ReleaseHistory.fromCounts({ '13': { samples: 2, succeeded: 1 } });
    const { advice, rejected, jobs, historySamples } = adviseCondorLog(LOG, stored);
    expect({ jobs, historySamples, rejected }).toEqual({ jobs: 2, historySamples: 3, rejected: [{ line: 10, reason: expect.any(String) }] });
    expect(advice).toHaveLength(1);
    expect(advice[0]).toMatchObject({ jobId: '1.1', action: 'release', evidence: { kind: 'history', holdCode: '13', samples: 3, succeeded: 2 } });
    // the stored counts are not changed by a request
    expect(stored.record(13)).toMatchObject({ samples: 2, succeeded: 1 });
  });

  it('advises from the log alone without a stored history, with the advisor options', () => {
    const alone = adviseCondorLog(LOG, null);
    expect(alone).toMatchObject({ historySamples: 1, advice: [{ action: 'leave-to-user' }] });
    expect(adviseCondorLog(LOG, null, { minReleaseSamples: 1, releaseThreshold: 0.7 }).advice[0]).toMatchObject({ action: 'remove' });
  });
});
