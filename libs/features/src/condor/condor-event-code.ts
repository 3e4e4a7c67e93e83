/** Event numbers of the log (reference §5) that the job assembly reads. */
export const CondorEventCode = {
  submit: 0,
  execute: 1,
  executableError: 2,
  evicted: 4,
  terminated: 5,
  imageSize: 6,
  shadowException: 7,
  aborted: 9,
  held: 12,
  released: 13,
} as const;
