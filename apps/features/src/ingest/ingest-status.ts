/** What /health reports about the consumer. */
export class IngestStatus {
  state: 'idle' | 'consuming' | 'retrying' | 'stopped' = 'idle';
  lastError: string | null = null;
  lastBatchAt: Date | null = null;

  get healthy(): boolean {
    return this.state === 'idle' || this.state === 'consuming';
  }
}
