import type { NormalizeResult } from '@jobcast/features';

/** One record of an input file after normalization: where it was, what it became, and the source record itself. */
export interface ImportItem {
  /** 1-based line number in the input file, when the reader knows it */
  line: number | null;
  result: NormalizeResult;
  /** the source record, stored with the run (`job_runs.raw`) or written to the rejects file */
  raw: Record<string, unknown> | null;
  /** the unparsed line, for the rejects file when there is no record to show */
  text?: string;
}
