export * from './sweep.repository';
export * from './training-lock';
export * from './training-run.repository';
export * from './training-runs.table';
