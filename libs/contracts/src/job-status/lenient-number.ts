import { z } from 'zod';

/** Numeric text longer than this is not a number a job document would hold. */
const MAX_NUMERIC_TEXT_LENGTH = 32;

/**
 * Reads a number that may arrive as text (host facts are indexed as keywords, e.g. `processorcount: "36"`):
 * an empty string means "not reported" (null); undefined when the value is not a finite number. Never throws.
 */
export function parseLenientNumber(value: unknown): number | null | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return null;
  const parsed = text.length <= MAX_NUMERIC_TEXT_LENGTH ? Number(text) : Number.NaN;
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** A number field of a job_status document, read by parseLenientNumber; anything else non-numeric is an error. */
export const LenientNumber = z.unknown().transform((value, context) => {
  const number = parseLenientNumber(value);
  if (number !== undefined) return number;
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
