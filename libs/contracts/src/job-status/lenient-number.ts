import { z } from 'zod';

/** Numeric text longer than this is not a number a job document would hold. */
const MAX_NUMERIC_TEXT_LENGTH = 32;

/**
 * A number that may arrive as text (host facts are indexed as keywords, e.g. `processorcount: "36"`).
 * An empty string means "not reported" and becomes null; anything else non-numeric is an error.
 */
export const LenientNumber = z.unknown().transform((value, context) => {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
  } else if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return null;
    const parsed = text.length <= MAX_NUMERIC_TEXT_LENGTH ? Number(text) : Number.NaN;
    if (Number.isFinite(parsed)) return parsed;
  }
  context.addIssue({ code: 'custom', message: `not a finite number: ${describe(value)}` });
  return z.NEVER;
});

/** Like LenientNumber, but must be a whole number (exit codes, counts). */
export const LenientInteger = LenientNumber.refine((value) => value === null || Number.isInteger(value), {
  message: 'not an integer',
});

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  return value === null || typeof value !== 'object' ? String(value) : Array.isArray(value) ? 'a list' : 'an object';
}
