export * from './connection';
export * from './database';
export * from './job-runs';
export * from './registry';
export * from './training-runs';
