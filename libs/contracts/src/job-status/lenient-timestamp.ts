import { z } from 'zod';
import { readCommonUtcTimestamp } from './common-utc-timestamp';

/** Longer than any date we accept; checked first so a 5 MB string costs nothing to refuse. */
const MAX_TIMESTAMP_LENGTH = 64;

// date, `T` or space, time with optional seconds/fraction, then any of: `Z`, an offset, an offset followed by a
// stray `Z` (HySDS writes `…+00:00Z`), or nothing (taken as UTC, which is what HySDS means).
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?Z?$/i;

/**
 * Parses the date formats found in job_status documents into an ISO-8601 UTC string (millisecond precision),
 * or returns null when the text is not a real calendar date. Never throws.
 */
export function parseLenientTimestamp(text: string): string | null {
  if (text.length > MAX_TIMESTAMP_LENGTH) return null;
  return readCommonUtcTimestamp(text) ?? readTimestampByPattern(text);
}

/** The general reader behind parseLenientTimestamp, for every accepted spelling (exported for the fast path's spec). */
export function readTimestampByPattern(text: string): string | null {
  const match = TIMESTAMP.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone = 'Z'] = match;
  const millis = Number((fraction + '000').slice(0, 3));
  const local = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second, millis);
  const date = new Date(local);
  // Date.UTC rolls 2024-02-30 over to March: a round trip of the fields catches impossible dates.
  if (
    Number.isNaN(local) ||
    date.getUTCFullYear() !== +year ||
    date.getUTCMonth() !== +month - 1 ||
    date.getUTCDate() !== +day ||
    +hour > 23 ||
    +minute > 59 ||
    +second > 60
  ) {
    return null;
  }
  return new Date(local - zoneOffsetMinutes(zone) * 60_000).toISOString();
}

function zoneOffsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

/** A date field of a job_status document: the accepted spellings become one canonical ISO string. */
export const LenientTimestamp = z.string().transform((text, context) => {
  const iso = parseLenientTimestamp(text);
  if (iso === null) {
    context.addIssue({ code: 'custom', message: `not a date: ${JSON.stringify(text.slice(0, 40))}` });
    return z.NEVER;
  }
  return iso;
});
