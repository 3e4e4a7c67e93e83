export * from './swf-job';
export * from './swf-parser';
export * from './swf-job-identity';
export * from './swf-job-run';
export * from './swf-job-status';
