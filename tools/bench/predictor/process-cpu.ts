import { readFileSync } from 'node:fs';

/** USER_HZ, 100 on every Linux architecture Node runs on */
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) process `pid` has used so far (Linux /proc): a figure the machine's load does not skew. */
export function processCpuSeconds(pid: number): number {
  // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks; the name (field 2) may hold spaces
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/**
 * CPU seconds this machine's CPUs were ready to run but the hypervisor ran something else (steal, all CPUs, from
 * /proc/stat): a stall of the host that no process here can see in its own CPU time.
 */
export function hostStealSeconds(): number {
  // first line: "cpu  user nice system idle iowait irq softirq steal guest guest_nice", in clock ticks
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/);
  return Number(fields[8]) / CLOCK_TICKS_PER_SECOND;
}
