export * from './job-cost';
export * from './expected-cost';
