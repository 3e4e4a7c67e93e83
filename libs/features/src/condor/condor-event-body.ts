/**
 * What the body lines of an event say, in the wording HTCondor writes (see the real logs in shared/data/htcondor).
 * Each reader returns null when the body does not carry its line: old logs and test logs omit most of them.
 */

/** `1472  -  MemoryUsage of job (MB)` in 006 image-size records */
export function memoryUsageMb(body: readonly string[]): number | null {
  for (const line of body) {
    const match = /^(\d+)\s+-\s+MemoryUsage of job \(MB\)$/.exec(line);
    if (match) return Number(match[1]);
  }
  return null;
}

export interface ResourceRow {
  usage: number | null;
  request: number | null;
  allocated: number | null;
}

/**
 * The `Partitionable Resources : Usage Request Allocated` table of 004/005 records, by resource name
 * (`Cpus`, `Disk (KB)`, `Memory (MB)`). Columns are right-aligned, so a row with fewer numbers lacks the left ones:
 * `Cpus : 4 4` has no usage.
 */
export function resourceTable(body: readonly string[]): Map<string, ResourceRow> {
  const table = new Map<string, ResourceRow>();
  const start = body.findIndex((line) => /^Partitionable Resources\s*:/.test(line));
  if (start < 0) return table;
  for (const line of body.slice(start + 1)) {
    const row = /^(.+?)\s*:\s*([\d.\s]*)$/.exec(line);
    if (!row) break;
    const numbers = row[2].trim() === '' ? [] : row[2].trim().split(/\s+/).map(Number);
    const [usage = null, request = null, allocated = null] = [null, null, null, ...numbers].slice(-3);
    table.set(row[1], { usage, request, allocated });
  }
  return table;
}

export type Termination = { normal: true; exitCode: number } | { normal: false; signal: number };

/** `(1) Normal termination (return value 1)` or `(0) Abnormal termination (signal 9)` in 005 records */
export function termination(body: readonly string[]): Termination | null {
  for (const line of body) {
    const normal = /Normal termination \(return value (-?\d+)\)/.exec(line);
    if (normal) return { normal: true, exitCode: Number(normal[1]) };
    const abnormal = /Abnormal termination \(signal (-?\d+)\)/.exec(line);
    if (abnormal) return { normal: false, signal: Number(abnormal[1]) };
  }
  return null;
}

export interface HoldDetails {
  reason: string | null;
  code: number | null;
  subcode: number | null;
}

/** A 012 body: the reason line, then `Code N Subcode M`; old logs write neither. */
export function holdDetails(body: readonly string[]): HoldDetails {
  let reason: string | null = null;
  for (const line of body) {
    const code = /^Code (-?\d+) Subcode (-?\d+)$/.exec(line);
    if (code) return { reason, code: Number(code[1]), subcode: Number(code[2]) };
    if (reason === null && line !== '') reason = line;
  }
  return { reason, code: null, subcode: null };
}

export interface MemoryLimitExceeded {
  requestedMb: number;
  usedMb: number;
}

/** `Memory limit exceeded: requested 1000MB, used 1576MB.` in 007 and 012 records of a startd memory policy */
export function memoryLimitExceeded(lines: readonly string[]): MemoryLimitExceeded | null {
  for (const line of lines) {
    const match = /Memory limit exceeded: requested (\d+)\s*MB, used (\d+)\s*MB/i.exec(line);
    if (match) return { requestedMb: Number(match[1]), usedMb: Number(match[2]) };
  }
  return null;
}

export interface MemoryLimitHold {
  limitMb: number;
  peakMb: number | null;
}

/**
 * `Job has gone over memory limit of 2048 megabytes. Peak usage: 2100 megabytes.` in the 012 record of an
 * out-of-resources hold (code 34); older versions write no peak. The limit is the request the job outgrew.
 */
export function memoryLimitHold(lines: readonly string[]): MemoryLimitHold | null {
  for (const line of lines) {
    const match = /gone over memory limit of (\d+) megabytes(?:\.\s*Peak usage: (\d+) megabytes)?/i.exec(line);
    if (match) return { limitMb: Number(match[1]), peakMb: match[2] === undefined ? null : Number(match[2]) };
  }
  return null;
}

/** `<10.128.10.69:56487?addrs=…>` → `10.128.10.69:56487`; the text of 000 and 001 headers */
export function hostAddress(text: string): string | null {
  const match = /<([^>?]+)[^>]*>/.exec(text);
  return match ? match[1] : null;
}
