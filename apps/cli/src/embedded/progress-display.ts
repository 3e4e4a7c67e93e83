/**
 * The start-up's progress on stderr: one line rewritten in place on a terminal, a line every few seconds otherwise
 * (a log file or CI should not fill with carriage returns). Each stage ends with its own summary line.
 */
export class ProgressDisplay {
  /** Counted from the process's start, so the figures include loading the code: what a user waits for. */
  private readonly startedAt = Date.now() - process.uptime() * 1000;
  private lastLineAt = 0;
  private pending = false;

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly quietIntervalMs = 5000,
  ) {}

  /** A transient status, e.g. "ingesting 12,000 / 50,000 documents". */
  update(text: string): void {
    const now = Date.now();
    if (this.stream.isTTY) {
      this.stream.write(`\r\x1b[2K${this.prefix()} ${text}`);
      this.pending = true;
    } else if (now - this.lastLineAt >= this.quietIntervalMs) {
      this.lastLineAt = now;
      this.stream.write(`${this.prefix()} ${text}\n`);
    }
  }

  /** A line that stays: the outcome of a stage. */
  log(text: string): void {
    if (this.pending) this.stream.write('\r\x1b[2K');
    this.pending = false;
    this.stream.write(`${this.prefix()} ${text}\n`);
  }

  elapsedSeconds(): number {
    return (Date.now() - this.startedAt) / 1000;
  }

  private prefix(): string {
    return `[${this.elapsedSeconds().toFixed(1).padStart(5)} s]`;
  }
}
