export * from './job-run';
