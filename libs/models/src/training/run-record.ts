import { z } from 'zod';

/** The name of the run description written beside every run's artifacts. */
export const RUN_RECORD_FILE = 'run.json';
/** The run's log with progress and `###METRIC###` lines. */
export const RUN_LOG_FILE = 'run.log';

const isoDate = z.iso.datetime({ offset: true });

/**
 * `run.json`: everything needed to reproduce and trust a run — config, data window, row counts, code version,
 * timings, metrics and the sha256 of every other artifact (checked again before promotion).
 */
export const RunRecord = z.object({
  runName: z.string().min(1),
  family: z.string().min(1),
  kind: z.string().min(1),
  config: z.object({
    params: z.record(z.string(), z.unknown()),
    split: z.record(z.string(), z.unknown()),
    earlyStopping: z.record(z.string(), z.unknown()).nullable(),
  }),
  dataWindow: z.object({ from: isoDate.nullable(), to: isoDate.nullable() }),
  rowCounts: z.object({ total: z.number().int(), train: z.number().int(), test: z.number().int() }),
  codeVersion: z.string(),
  timings: z.object({
    startedAt: isoDate,
    finishedAt: isoDate,
    fitSeconds: z.number(),
    evaluateSeconds: z.number(),
  }),
  primaryMetric: z.object({ name: z.string(), direction: z.enum(['maximize', 'minimize']), value: z.number() }),
  metrics: z.record(z.string(), z.number()),
  /** relative artifact path → sha256 hex; run.json itself is not listed */
  checksums: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});
export type RunRecord = z.infer<typeof RunRecord>;
