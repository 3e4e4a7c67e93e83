import type { JobStatusEnvelope } from './job-status-envelope.schema';

/**
 * Message key = the job's `payload_id`, so every status change of one job lands on one partition in order.
 * A document without a usable payload_id falls back to its search-engine id (HySDS uses the payload_id as `_id`).
 */
export function jobStatusMessageKey(envelope: JobStatusEnvelope): string {
  const payloadId = envelope.document['payload_id'];
  return typeof payloadId === 'string' && payloadId.trim() !== '' ? payloadId.trim() : envelope.origin.documentId;
}
