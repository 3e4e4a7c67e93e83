import { encodeJobStatusMessage, type JobStatusEnvelope } from '@jobcast/contracts';
import type { OutgoingMessage } from '@jobcast/messaging';

/** A HySDS job_status document as the scraper would publish it (reference §1 shape, trimmed). */
export function jobStatusDocument(payloadId: string, status: string, jobType = 'job-hello_world:develop', instance = 'c5.9xlarge'): Record<string, unknown> {
  return {
    resource: 'job',
    type: jobType,
    status,
    '@timestamp': '2026-11-21T12:00:00.000Z',
    payload_id: payloadId,
    uuid: payloadId,
    job_id: `hello_world-20261121T120000.000000Z`,
    tags: [],
    job: {
      type: jobType,
      priority: 5,
      delivery_info: { routing_key: 'factotum-job_worker-small' },
      job_info: { job_queue: 'factotum-job_worker-small', time_queued: '2026-11-21T12:00:00.000Z', facts: { ec2_instance_type: instance } },
      params: {},
    },
  };
}

export function jobStatusMessage(document: Record<string, unknown>): OutgoingMessage {
  const envelope: JobStatusEnvelope = {
    origin: { engine: 'elasticsearch', index: 'job_status-2026.11.21', documentId: String(document['payload_id']) },
    scrapedAt: new Date().toISOString(),
    document,
  };
  return encodeJobStatusMessage(envelope);
}
