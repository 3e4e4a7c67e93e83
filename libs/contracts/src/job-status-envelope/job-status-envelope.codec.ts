import { jobStatusMessageKey } from './job-status-envelope.key';
import { JobStatusEnvelope } from './job-status-envelope.schema';

export interface EncodedJobStatusMessage {
  key: string;
  value: string;
}

export type DecodedJobStatusMessage = { ok: true; envelope: JobStatusEnvelope } | { ok: false; reason: string };

export function encodeJobStatusMessage(envelope: JobStatusEnvelope): EncodedJobStatusMessage {
  return { key: jobStatusMessageKey(envelope), value: JSON.stringify(envelope) };
}

/** Reads a message value; anything that is not an envelope comes back as a reason, never as a throw. */
export function decodeJobStatusMessage(value: Buffer | string | null): DecodedJobStatusMessage {
  if (value === null) return { ok: false, reason: 'empty message value' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString());
  } catch (error) {
    return { ok: false, reason: `message value is not JSON: ${(error as Error).message}` };
  }
  const result = JobStatusEnvelope.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { ok: false, reason: `not a job-status envelope: ${issue.path.join('.') || '(root)'}: ${issue.message}` };
  }
  return { ok: true, envelope: result.data };
}
