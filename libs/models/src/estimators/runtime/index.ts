export * from './runtime-query';
export * from './recent-samples';
export * from './job-type-neighbours';
export * from './soamc-runtime-estimator';
export * from './runtime-model';
