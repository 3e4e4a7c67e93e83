import type { SwfHeader, SwfJob, SwfRejectedLine, SwfTrace } from './swf-job';

const FIELD_COUNT = 18;

/** `; Partition:  1 DEFAULT` and `; Queue:  1 [fque:1]` name a number. */
const NAMED_NUMBER = /^\s*(\d+)\s+(.*?)\s*$/;

/**
 * Reads a Standard Workload Format trace. Header comments (`; Key: value`) fill the header; every other non-blank
 * line must hold 18 numbers. A line that does not is reported in `rejected` with its line number, never dropped
 * silently and never fatal, so one bad line does not lose a trace.
 */
export function parseSwf(text: string): SwfTrace {
  const header: SwfHeader = {
    unixStartTime: null,
    maxProcs: null,
    maxNodes: null,
    queues: new Map(),
    partitions: new Map(),
    fields: {},
  };
  const jobs: SwfJob[] = [];
  const rejected: SwfRejectedLine[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].trim();
    if (line === '') continue;
    if (line.startsWith(';')) {
      readHeaderLine(line.slice(1), header);
      continue;
    }
    const parsed = parseJobLine(line);
    if (typeof parsed === 'string') rejected.push({ line: index + 1, reason: parsed });
    else jobs.push(parsed);
  }
  return { header, jobs, rejected };
}

function readHeaderLine(comment: string, header: SwfHeader): void {
  const colon = comment.indexOf(':');
  if (colon < 0) return;
  const key = comment.slice(0, colon).trim();
  const value = comment.slice(colon + 1).trim();
  if (key === '') return;
  if (key === 'Queue' || key === 'Partition') {
    const match = NAMED_NUMBER.exec(value);
    if (match) (key === 'Queue' ? header.queues : header.partitions).set(Number(match[1]), match[2]);
    return;
  }
  header.fields[key] = value;
  const number = Number(value);
  if (!Number.isFinite(number) || value === '') return;
  if (key === 'UnixStartTime') header.unixStartTime = number;
  if (key === 'MaxProcs') header.maxProcs = number;
  if (key === 'MaxNodes') header.maxNodes = number;
}

/** The job, or the reason the line is not one. */
function parseJobLine(line: string): SwfJob | string {
  const parts = line.split(/\s+/);
  if (parts.length !== FIELD_COUNT) return `expected ${FIELD_COUNT} fields, found ${parts.length}`;
  const values: number[] = [];
  for (let field = 0; field < FIELD_COUNT; field++) {
    const value = Number(parts[field]);
    if (!Number.isFinite(value)) return `field ${field + 1} is not a number: "${parts[field]}"`;
    values.push(value);
  }
  const known = (value: number): number | null => (value < 0 ? null : value);
  const [jobNumber, submitTime] = values;
  if (jobNumber < 0) return `field 1 (job number) is negative: ${jobNumber}`;
  if (submitTime < 0) return `field 2 (submit time) is negative: ${submitTime}`;
  return {
    jobNumber,
    submitTime,
    waitTime: known(values[2]),
    runTime: known(values[3]),
    allocatedProcessors: known(values[4]),
    averageCpuTime: known(values[5]),
    usedMemoryKb: known(values[6]),
    requestedProcessors: known(values[7]),
    requestedTime: known(values[8]),
    requestedMemoryKb: known(values[9]),
    status: known(values[10]),
    userId: known(values[11]),
    groupId: known(values[12]),
    executableId: known(values[13]),
    queueNumber: known(values[14]),
    partitionNumber: known(values[15]),
    precedingJobNumber: known(values[16]),
    thinkTime: known(values[17]),
  };
}
