import { decodeJobStatusMessage, encodeJobStatusMessage } from './job-status-envelope.codec';
import type { JobStatusEnvelope } from './job-status-envelope.schema';

const envelope: JobStatusEnvelope = {
  origin: { engine: 'opensearch', index: 'job_status-2024.05.01', documentId: 'doc-id' },
  scrapedAt: '2024-05-01T12:41:00.000Z',
  document: { payload_id: 'payload-1', status: 'job-completed', error: 'line one\nline two' },
};

describe('job-status message codec', () => {
  it('keys by payload_id and round-trips, handing back the document JSON as it travelled', () => {
    const message = encodeJobStatusMessage(envelope);
    expect(message.key).toBe('payload-1');
    const decoded = decodeJobStatusMessage(Buffer.from(message.value));
    expect(decoded).toEqual({ ok: true, envelope, documentJson: JSON.stringify(envelope.document) });
  });

  it('still reads a version 1 message, whose document sits inside the envelope', () => {
    const version1 = JSON.stringify({ version: 1, ...envelope });
    expect(decodeJobStatusMessage(version1)).toEqual({ ok: true, envelope, documentJson: JSON.stringify(envelope.document) });
  });

  it('falls back to the document id when payload_id is unusable', () => {
    expect(encodeJobStatusMessage({ ...envelope, document: { payload_id: 7 } }).key).toBe('doc-id');
  });

  const header = JSON.stringify({ version: 2, origin: envelope.origin, scrapedAt: envelope.scrapedAt });
  it.each([
    [null, 'empty message value'],
    ['{not json', 'message value is not JSON'],
    ['{"version":2}', 'not a job-status envelope: version'],
    ['{"version":3}\n{}', 'not a job-status envelope: version'],
    ['{oops\n{}', 'message header is not JSON'],
    [`${header}\n{"payload_id":`, 'document is not JSON'],
    [`${header}\n["payload-1"]`, 'not a job-status envelope: document: is not a JSON object'],
    [`${header}\nnull`, 'not a job-status envelope: document: is not a JSON object'],
  ])('turns %p into a reason', (value, reason) => {
    const decoded = decodeJobStatusMessage(value);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toContain(reason);
  });
});
