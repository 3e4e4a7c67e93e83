import type { BacktestRow } from './backtest-replay';

const COLUMNS = [
  'payload_id',
  'job_type',
  'submitted_at',
  'actual_runtime_s',
  'requested_s',
  'soamc_runtime_s',
  'jobcast_p50_s',
  'jobcast_p90_s',
  'jobcast_level',
  'actual_wait_s',
  'soamc_queue_max_s',
  'jobcast_wait_bound_s',
  'jobcast_wait_level',
] as const;

/** The per-job predictions as CSV, one row per replayed job; empty cells where an estimator had no answer. */
export function backtestRowsToCsv(rows: readonly BacktestRow[]): string {
  const lines = [COLUMNS.join(',')];
  for (const row of rows) {
    const cells = [
      row.payloadId,
      row.jobType,
      row.submittedAt,
      row.actualRuntimeSeconds,
      row.requestedSeconds,
      row.soamcRuntimeSeconds,
      row.jobcast?.p50,
      row.jobcast?.p90,
      row.jobcast?.level,
      row.actualWaitSeconds,
      row.soamcQueueMaxSeconds,
      row.jobcastWaitBound?.boundSeconds,
      row.jobcastWaitBound?.level,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(3);
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
