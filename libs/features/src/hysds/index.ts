export * from './hysds-job-run';
export * from './params-features';
export * from './peak-memory';
