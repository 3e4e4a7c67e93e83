export * from './results-writer';
export * from './results-reader';
export * from './svg-charts';
export * from './calcloud-report';
