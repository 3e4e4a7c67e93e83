/** Injection tokens of the features module's settings and repository. */
export const INGEST_SETTINGS = 'jobcast.features.IngestSettings';
export const JOB_RUN_REPOSITORY = 'jobcast.features.JobRunRepository';
