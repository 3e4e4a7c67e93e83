export * from './calcloud-features';
export * from './calcloud-instruments';
export * from './calcloud-job-run';
export * from './csv-line';
