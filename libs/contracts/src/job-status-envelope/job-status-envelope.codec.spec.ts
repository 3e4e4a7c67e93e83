import { decodeJobStatusMessage, encodeJobStatusMessage } from './job-status-envelope.codec';
import type { JobStatusEnvelope } from './job-status-envelope.schema';

const envelope: JobStatusEnvelope = {
  version: 1,
  origin: { engine: 'opensearch', index: 'job_status-2024.05.01', documentId: 'doc-id' },
  scrapedAt: '2024-05-01T12:41:00.000Z',
  document: { payload_id: 'payload-1', status: 'job-completed' },
};

describe('job-status message codec', () => {
  it('keys by payload_id and round-trips', () => {
    const message = encodeJobStatusMessage(envelope);
    expect(message.key).toBe('payload-1');
    expect(decodeJobStatusMessage(Buffer.from(message.value))).toEqual({ ok: true, envelope });
  });

  it('falls back to the document id when payload_id is unusable', () => {
    expect(encodeJobStatusMessage({ ...envelope, document: { payload_id: 7 } }).key).toBe('doc-id');
  });

  it.each([
    [null, 'empty message value'],
    ['{not json', 'message value is not JSON'],
    ['{"version":2}', 'not a job-status envelope: version'],
  ])('turns %p into a reason', (value, reason) => {
    const decoded = decodeJobStatusMessage(value);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toContain(reason);
  });
});
