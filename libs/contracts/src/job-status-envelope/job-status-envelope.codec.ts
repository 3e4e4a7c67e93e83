import { z } from 'zod';
import { jobStatusMessageKey } from './job-status-envelope.key';
import { type JobStatusEnvelope, JobStatusEnvelopeHeader, JobStatusEnvelopeV1 } from './job-status-envelope.schema';

export interface EncodedJobStatusMessage {
  key: string;
  value: string;
}

export type DecodedJobStatusMessage =
  | {
      ok: true;
      envelope: JobStatusEnvelope;
      /** the document's JSON text as it travelled, so a consumer can store it without serializing it again */
      documentJson: string;
    }
  | { ok: false; reason: string };

const NEWLINE = 0x0a;

/**
 * Value = two JSON texts on two lines: the header (version 2, origin, scrapedAt), then the document. JSON.stringify
 * never writes a raw newline, so the first one ends the header; the document's text can then be parsed and stored
 * as it is, without the consumer validating and re-serializing a copy of it nested in the envelope.
 */
export function encodeJobStatusMessage(envelope: JobStatusEnvelope): EncodedJobStatusMessage {
  const { origin, scrapedAt, document } = envelope;
  return {
    key: jobStatusMessageKey(envelope),
    value: `${JSON.stringify({ version: 2, origin, scrapedAt })}\n${JSON.stringify(document)}`,
  };
}

/** Reads a message value; anything that is not an envelope comes back as a reason, never as a throw. */
export function decodeJobStatusMessage(value: Buffer | string | null): DecodedJobStatusMessage {
  if (value === null) return { ok: false, reason: 'empty message value' };
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  const newline = bytes.indexOf(NEWLINE);
  if (newline < 0) return decodeVersion1(bytes.toString('utf8'));

  const header = parseJson(bytes.toString('utf8', 0, newline), 'message header');
  if (!header.ok) return header;
  const checked = JobStatusEnvelopeHeader.safeParse(header.value);
  if (!checked.success) return notAnEnvelope(checked.error);
  const documentJson = bytes.toString('utf8', newline + 1);
  const document = parseJson(documentJson, 'document');
  if (!document.ok) return document;
  if (typeof document.value !== 'object' || document.value === null || Array.isArray(document.value)) {
    return { ok: false, reason: 'not a job-status envelope: document: is not a JSON object' };
  }
  const { origin, scrapedAt } = checked.data;
  return { ok: true, envelope: { origin, scrapedAt, document: document.value as Record<string, unknown> }, documentJson };
}

function decodeVersion1(text: string): DecodedJobStatusMessage {
  const parsed = parseJson(text, 'message value');
  if (!parsed.ok) return parsed;
  const checked = JobStatusEnvelopeV1.safeParse(parsed.value);
  if (!checked.success) return notAnEnvelope(checked.error);
  const { origin, scrapedAt, document } = checked.data;
  return { ok: true, envelope: { origin, scrapedAt, document }, documentJson: JSON.stringify(document) };
}

function parseJson(text: string, what: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: `${what} is not JSON: ${(error as Error).message}` };
  }
}

function notAnEnvelope(error: z.ZodError): { ok: false; reason: string } {
  const issue = error.issues[0];
  return { ok: false, reason: `not a job-status envelope: ${issue.path.join('.') || '(root)'}: ${issue.message}` };
}
