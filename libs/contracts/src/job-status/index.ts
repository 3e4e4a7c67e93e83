export * from './job-status.schema';
export * from './lenient-number';
export * from './lenient-timestamp';
