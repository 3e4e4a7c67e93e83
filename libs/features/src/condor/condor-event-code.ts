/** Event numbers of the log (reference §5) that change a job's state; resource figures are read from any record. */
export const CondorEventCode = {
  submit: 0,
  execute: 1,
  evicted: 4,
  terminated: 5,
  shadowException: 7,
  aborted: 9,
  held: 12,
  released: 13,
} as const;
