import type { Logger } from '@nestjs/common';

/** Logs throughput at most once per interval, so a busy backfill reports progress without flooding the log. */
export class ProgressLog {
  private sinceLastReport = 0;
  private lastReportAt = Date.now();

  constructor(
    private readonly logger: Logger,
    private readonly intervalMs = 10_000,
  ) {}

  record(documents: number, describe: (documentsPerSecond: number) => string): void {
    this.sinceLastReport += documents;
    const elapsedMs = Date.now() - this.lastReportAt;
    if (elapsedMs < this.intervalMs) return;
    this.logger.log(describe(Math.round((this.sinceLastReport * 1000) / elapsedMs)));
    this.sinceLastReport = 0;
    this.lastReportAt = Date.now();
  }
}

/** `3d 4h`, `12m 5s`: lag as an operator reads it. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const units: Array<[string, number]> = [['d', 86_400], ['h', 3_600], ['m', 60], ['s', 1]];
  const parts: string[] = [];
  let rest = seconds;
  for (const [unit, size] of units) {
    if (rest >= size || (unit === 's' && parts.length === 0)) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}
