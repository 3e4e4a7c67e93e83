import type { CondorEvent, CondorLog, CondorLogOptions, CondorRejectedRecord } from './condor-event';
import { type CondorDate, readCondorDate } from './condor-date';

/** `005 (35817387.001.000) ` — the event number and the job id; the date and text follow. */
const HEADER = /^(\d{3}) \((-?\d+)\.(-?\d+)\.(-?\d+)\)\s+(.*)$/;
const TERMINATOR = '...';
const HEADER_FORMAT = '"NNN (cluster.proc.subproc) DATE TIME text"';

export type CondorLogItem = { event: CondorEvent } | { rejected: CondorRejectedRecord };

/**
 * Reads an event log one line at a time, so a log of any size streams: `read(line)` returns the records that
 * line completed, `end()` what the end of the input completes. A malformed record becomes one rejected item with
 * the line where it starts and why, and its remaining lines are skipped up to its `...`; nothing throws and no
 * line is dropped without a reject that covers it.
 */
export class CondorEventReader {
  private open: CondorEvent | null = null;
  /** inside a rejected record: its lines are covered by the reject already */
  private skipping = false;
  private lineNumber = 0;
  private year: number;
  private lastLegacyMonth = 0;

  constructor(options: CondorLogOptions = {}) {
    this.year = options.year ?? new Date().getUTCFullYear();
  }

  read(rawLine: string): CondorLogItem[] {
    const line = rawLine.replace(/\r$/, '');
    const number = ++this.lineNumber;
    if (this.open) return this.continueRecord(line, number);
    if (line.trim() === TERMINATOR && this.skipping) {
      this.skipping = false;
      return [];
    }
    if (HEADER.test(line)) return this.startRecord(line, number);
    if (this.skipping || line.trim() === '') return [];
    return [this.reject(number, `not a record header: expected ${HEADER_FORMAT}`)];
  }

  end(): CondorLogItem[] {
    return this.open ? [this.unterminated('the log ends')] : [];
  }

  private continueRecord(line: string, number: number): CondorLogItem[] {
    const open = this.open as CondorEvent;
    if (line.trim() === TERMINATOR) {
      this.open = null;
      return [{ event: open }];
    }
    if (line === '' || /^\s/.test(line)) {
      open.body.push(line.trim());
      return [];
    }
    if (HEADER.test(line)) return [this.unterminated('another record starts'), ...this.startRecord(line, number)];
    this.open = null;
    return [this.reject(open.line, `record ${code(open)} has a body line ${number} that is not indented`)];
  }

  private startRecord(line: string, number: number): CondorLogItem[] {
    const [, event, cluster, proc, subproc, rest] = HEADER.exec(line) as RegExpExecArray;
    const date = this.readDate(rest);
    if (typeof date === 'string') return [this.reject(number, date)];
    this.skipping = false;
    this.open = {
      code: Number(event),
      cluster: Number(cluster),
      proc: Number(proc),
      subproc: Number(subproc),
      time: date.iso,
      text: date.rest,
      body: [],
      line: number,
    };
    return [];
  }

  /** A legacy date whose month goes back has crossed New Year: the log is in order, so the year moves on. */
  private readDate(text: string): CondorDate | string {
    let date = readCondorDate(text, this.year);
    if (typeof date === 'string' || !date.legacy) return date;
    if (date.month < this.lastLegacyMonth) date = readCondorDate(text, ++this.year) as CondorDate;
    this.lastLegacyMonth = date.month;
    return date;
  }

  private unterminated(before: string): CondorLogItem {
    const open = this.open as CondorEvent;
    this.open = null;
    const reason = `record ${code(open)} has no "${TERMINATOR}" terminator before ${before}`;
    return { rejected: { line: open.line, reason } };
  }

  private reject(line: number, reason: string): CondorLogItem {
    this.skipping = true;
    return { rejected: { line, reason } };
  }
}

const code = (event: CondorEvent): string => String(event.code).padStart(3, '0');

/** A whole log in memory: every record read, every malformed one rejected. */
export function parseCondorLog(text: string, options: CondorLogOptions = {}): CondorLog {
  const reader = new CondorEventReader(options);
  const log: CondorLog = { events: [], rejected: [] };
  const collect = (items: CondorLogItem[]) => {
    for (const item of items) {
      if ('event' in item) log.events.push(item.event);
      else log.rejected.push(item.rejected);
    }
  };
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) collect(reader.read(line));
  collect(reader.end());
  return log;
}
