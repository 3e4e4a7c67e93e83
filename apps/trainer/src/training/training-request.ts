import { z } from 'zod';
import { EarlyStoppingConfig, SweepSpec } from '@jobcast/models';

const ParamValue: z.ZodType<unknown> = z.lazy(() => z.union([z.number(), z.string(), z.boolean(), z.array(ParamValue)]));

/** Body of `POST /v1/training-runs`; every field is optional. */
export const TrainingRequest = z
  .object({
    /** one family; absent = every family the trainer is configured for */
    family: z.string().min(1).optional(),
    /** overrides of the family's default parameters (only with `family`) */
    params: z.record(z.string(), ParamValue).optional(),
    /** training window in days back from now; 0 = all history; default TRAINER_WINDOW_DAYS */
    windowDays: z.number().int().min(0).optional(),
  })
  .strict()
  .refine((request) => !request.params || request.family, { message: '"params" needs a "family"', path: ['params'] });
export type TrainingRequest = z.infer<typeof TrainingRequest>;

/** Body of `POST /v1/sweeps`. */
export const SweepRequest = SweepSpec.extend({
  family: z.string().min(1),
  /** folder of the sweep's runs below the family; default `sweep-<timestamp>` */
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._=-]*$/, 'letters, digits, . _ = -')
    .optional(),
  windowDays: z.number().int().min(0).optional(),
  /** per-run early stopping; default: TRAINER_EARLY_STOP_PATIENCE epochs on the validation loss */
  earlyStopping: EarlyStoppingConfig.optional(),
}).strict();
export type SweepRequest = z.infer<typeof SweepRequest>;
