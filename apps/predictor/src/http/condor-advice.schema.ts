import { z } from 'zod';

/**
 * `POST /v1/condor/advice`: an HTCondor event log and the advisor's options, as `jobcast advise condor` takes them.
 * The log's size is bounded by PREDICTOR_BODY_LIMIT, as every body is (413 beyond it).
 */
export const CondorAdviceBody = z
  .object({
    /** the event log's text (`log = job.log` of a submit file) */
    log: z.string().min(1, 'an HTCondor event log, not empty'),
    /** the largest request_memory the pool can match, MB; a memory hold needing more is advised `remove` */
    maxMemoryMb: z.number().int().min(1).optional(),
    /** release when the estimated success rate of releasing is above this (default 0.5) */
    threshold: z.number().gt(0).lt(1).optional(),
    /** fewer released jobs with the hold's code than this: leave to the user (default 3) */
    minSamples: z.number().int().min(0).optional(),
    /** the year of legacy `MM/DD` dates, which carry none (default the current year) */
    year: z.number().int().min(1970).max(9999).optional(),
  })
  .strict();
export type CondorAdviceRequest = z.infer<typeof CondorAdviceBody>;
