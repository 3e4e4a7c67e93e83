/** Dependency-injection tokens of the trainer's ports. */
export const TRAINER_DATABASE = Symbol('TrainerDatabase');
export const TRAINING_LOCK = Symbol('TrainingLock');
/** the bus announcing champions, or null when the deployment has none (promotions are still recorded) */
export const MODELS_BUS = Symbol('ModelsBus');
/** the job runs the loader reads (`JobRunRepository` of @jobcast/db) */
export const JOB_RUNS = Symbol('JobRuns');
/** the code version recorded in run.json */
export const CODE_VERSION = Symbol('CodeVersion');
