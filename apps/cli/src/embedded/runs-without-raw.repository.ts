import type { JobRun } from '@jobcast/contracts';
import type { JobRunFilter, JobRunRecord, JobRunRepository, StoredJobRun, TrainingQuery, UpsertResult } from '@jobcast/db';

/**
 * The embedded mode's job_runs: the normalized runs without their raw source documents. Writing each 3 KB
 * document as jsonb costs PGlite about seven times the rest of the row, and the embedded history can always be
 * rebuilt from where it came from (its seed or its file), so the copy buys nothing here. Reads are unchanged.
 */
export class RunsWithoutRawRepository implements JobRunRepository {
  constructor(private readonly inner: JobRunRepository) {}

  upsertMany(records: readonly JobRunRecord[]): Promise<UpsertResult> {
    return this.inner.upsertMany(records.map(({ run }) => ({ run, raw: null })));
  }

  count(filter?: JobRunFilter): Promise<number> {
    return this.inner.count(filter);
  }

  findForTraining(query?: TrainingQuery): AsyncIterable<JobRun[]> {
    return this.inner.findForTraining(query);
  }

  findByPayloadId(payloadId: string): Promise<StoredJobRun | null> {
    return this.inner.findByPayloadId(payloadId);
  }
}
