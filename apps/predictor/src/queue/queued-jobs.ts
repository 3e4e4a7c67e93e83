/**
 * The jobs waiting in the HySDS queues right now, as seen on `jobcast.job-status.v1`: a `job-queued` document adds
 * its payload, any later status removes it. Oldest first (Map keeps insertion order), bounded so a flood cannot
 * exhaust memory: past the limit the oldest entries are forgotten.
 */
export class QueuedJobs {
  private readonly jobTypes = new Map<string, string>();

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.jobTypes.size;
  }

  queued(payloadId: string, jobType: string): void {
    this.jobTypes.delete(payloadId);
    this.jobTypes.set(payloadId, jobType);
    if (this.jobTypes.size > this.limit) {
      const oldest = this.jobTypes.keys().next().value as string;
      this.jobTypes.delete(oldest);
    }
  }

  left(payloadId: string): void {
    this.jobTypes.delete(payloadId);
  }

  /** Job types of the `count` oldest queued jobs (all when count is 0). */
  oldestJobTypes(count: number): string[] {
    const wanted = count <= 0 ? this.jobTypes.size : Math.min(count, this.jobTypes.size);
    const result: string[] = [];
    for (const jobType of this.jobTypes.values()) {
      if (result.length === wanted) break;
      result.push(jobType);
    }
    return result;
  }
}
