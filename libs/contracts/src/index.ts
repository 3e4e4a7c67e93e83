export * from './job-run';
export * from './topics';
