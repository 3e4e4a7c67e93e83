export * from './dead-letter';
export * from './job-run';
export * from './job-status';
export * from './job-status-envelope';
export * from './topics';
export * from './prediction';
export * from './proto';
export * from './models-event';
