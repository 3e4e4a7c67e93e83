export * from './condor-event';
export * from './condor-event-reader';
export * from './condor-job';
export * from './condor-job-assembly';
export * from './condor-job-run';
export * from './condor-release';
