import type { JobRun } from '@jobcast/contracts';

/** What every normalizer returns: a run, or why the record cannot become one. Normalizers never throw on input. */
export type NormalizeResult = { ok: true; run: JobRun } | { ok: false; reason: string };
