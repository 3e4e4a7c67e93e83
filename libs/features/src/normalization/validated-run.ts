import { JobRun } from '@jobcast/contracts';
import type { NormalizeResult } from './normalize-result';

/**
 * Last check of every normalizer: the built run must satisfy the JobRun contract (lengths, ranges, date format),
 * so nothing invalid ever reaches storage; the reason names each offending field.
 */
export function validatedRun(candidate: JobRun): NormalizeResult {
  const result = JobRun.safeParse(candidate);
  if (result.success) return { ok: true, run: result.data };
  return { ok: false, reason: describeIssues(result.error.issues) };
}

/** Up to three issues as `path: message`, for reasons that stay readable in a dead-letter record. */
export function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  const shown = issues.slice(0, 3).map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : '';
  return shown.join('; ') + more;
}
