import { readFileSync } from 'node:fs';

/** USER_HZ, 100 on every Linux architecture Node runs on */
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) process `pid` has used so far (Linux /proc): a figure the machine's load does not skew. */
export function processCpuSeconds(pid: number): number {
  // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks; the name (field 2) may hold spaces
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}
