import { InvalidArgumentError } from 'commander';
import {
  type CondorEvent,
  CondorEventReader,
  CondorJobAssembler,
  type CondorJobs,
  type CondorLogItem,
  type CondorRejectedRecord,
} from '@jobcast/features';
import { readLines } from './line-reader';

/** The records of an HTCondor event log file, streamed in file order: events and malformed records alike. */
export async function* condorLogItems(file: string, year?: number): AsyncGenerator<CondorLogItem> {
  const reader = new CondorEventReader({ year });
  for await (const { text } of readLines(file)) yield* reader.read(text);
  yield* reader.end();
}

/** The jobs of an event log file; each malformed record goes to `onRejected` as it is read. */
export async function readCondorJobs(
  file: string,
  year: number | undefined,
  onRejected: (rejected: CondorRejectedRecord) => void,
): Promise<CondorJobs> {
  const assembler = new CondorJobAssembler();
  const unattributed: CondorEvent[] = [];
  for await (const item of condorLogItems(file, year)) {
    if ('rejected' in item) onRejected(item.rejected);
    else if (!assembler.add(item.event)) unattributed.push(item.event);
  }
  return { jobs: assembler.jobs(), unattributed };
}

/** `--year`: the year of a log's legacy `MM/DD` dates. */
export function condorLogYear(value: string): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 1970 || year > 9999) throw new InvalidArgumentError('must be a year, e.g. 2020');
  return year;
}
