/** One record of an HTCondor job event log: `NNN (cluster.proc.subproc) DATE TIME text`, its body, `...`. */
export interface CondorEvent {
  /** the event number, e.g. 0 submit, 5 terminated, 12 held (reference §5) */
  code: number;
  /** negative in records that belong to no job (HTCondor's own reader test writes `-01.-01.-01`) */
  cluster: number;
  proc: number;
  subproc: number;
  /** ISO-8601 UTC */
  time: string;
  /** the header after the date, e.g. `Job was held.` */
  text: string;
  /** body lines without their indentation, in order */
  body: string[];
  /** 1-based line number of the header */
  line: number;
}

/** Lines that do not make a valid record: where it started and what is wrong with it. */
export interface CondorRejectedRecord {
  line: number;
  reason: string;
}

export interface CondorLogOptions {
  /**
   * The year of legacy `MM/DD HH:MM:SS` dates, which carry none. Default: the current UTC year (what HTCondor's own
   * reader assumes). A log that runs from December into January moves on to the next year by itself.
   */
  year?: number;
}

export interface CondorLog {
  events: CondorEvent[];
  rejected: CondorRejectedRecord[];
}
