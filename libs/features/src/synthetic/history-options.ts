import { z } from 'zod';

/** Options of a synthetic history, validated once so a bad value is named instead of producing a silent oddity. */
export const HistoryOptions = z.object({
  /** Number of jobs (payload ids) to submit. */
  jobs: z.number().int().min(0).max(50_000_000),
  /** The same seed always yields the same history. */
  seed: z.number().int().min(0).max(0xffffffff).default(1),
  /** When the first submission window opens (a fixed default keeps histories reproducible). */
  start: z.coerce.date({ error: 'must be a date such as 2026-09-01T00:00:00Z' }).default(new Date('2026-09-01T00:00:00Z')),
  /** Length of the submission window in days. */
  days: z.number().positive().max(3650).default(30),
  /** Also emit the earlier states of each job (queued, started, failed attempts) before its final one. */
  withUpdates: z.boolean().default(false),
});
export type HistoryOptionsInput = z.input<typeof HistoryOptions>;
export type HistoryOptions = z.output<typeof HistoryOptions>;

export function parseHistoryOptions(input: HistoryOptionsInput): HistoryOptions {
  const parsed = HistoryOptions.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid synthetic history option "${issue.path.join('.')}": ${issue.message}`);
  }
  return parsed.data;
}
