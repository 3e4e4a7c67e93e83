import { z } from 'zod';
import { Topics } from '../topics/topics';

/** The topic the scraper writes job_status documents to and the features service consumes. */
export const JOB_STATUS_TOPIC = Topics.jobStatus;

/** Where a document was read from: the engine, the index (alias members resolve to a concrete index) and its `_id`. */
export const JobStatusOrigin = z.object({
  engine: z.enum(['elasticsearch', 'opensearch', 'file']),
  index: z.string().max(512).nullable(),
  documentId: z.string().min(1).max(512),
});
export type JobStatusOrigin = z.infer<typeof JobStatusOrigin>;

/** What travels with the document: where it was read from and when. */
export const JobStatusEnvelopeHeader = z.object({
  version: z.literal(2),
  origin: JobStatusOrigin,
  scrapedAt: z.iso.datetime({ offset: true }),
});

/**
 * A message on `jobcast.job-status.v1`: the raw document, untouched, with where and when it was read.
 * The document is not validated here on purpose — the features service normalizes it and dead-letters what
 * it cannot use, so a bad document travels to the DLQ intact.
 */
export interface JobStatusEnvelope {
  origin: JobStatusOrigin;
  scrapedAt: string;
  document: Record<string, unknown>;
}

/** Version 1 carried the document inside the envelope's JSON; still decoded, for messages written before version 2. */
export const JobStatusEnvelopeV1 = z.object({
  version: z.literal(1),
  origin: JobStatusOrigin,
  scrapedAt: z.iso.datetime({ offset: true }),
  document: z.record(z.string(), z.unknown()),
});
