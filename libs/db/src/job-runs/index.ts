export * from './job-run.repository';
export * from './job-runs.table';
export * from './kysely-job-run.repository';
