import type { JobRun } from '@jobcast/contracts';
import type { JobRunRecord, JobRunRepository } from '@jobcast/db';
import { RunsWithoutRawRepository } from './runs-without-raw.repository';

describe('RunsWithoutRawRepository', () => {
  it('writes the runs without their raw documents and reads through unchanged', async () => {
    const written: JobRunRecord[] = [];
    const inner: JobRunRepository = {
      upsertMany: async (records) => {
        written.push(...records);
        return { written: records.length, stale: 0, rejected: [] };
      },
      count: async () => 7,
      findForTraining: () => (async function* () {})(),
      findByPayloadId: async () => null,
    };
    const run = { payloadId: 'p-1' } as JobRun;
    const result = await new RunsWithoutRawRepository(inner).upsertMany([{ run, raw: { payload_id: 'p-1', huge: 'x'.repeat(3000) } }]);
    expect(result.written).toBe(1);
    expect(written).toEqual([{ run, raw: null }]);
    expect(await new RunsWithoutRawRepository(inner).count()).toBe(7);
  });
});
