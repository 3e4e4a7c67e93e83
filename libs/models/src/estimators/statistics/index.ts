export * from './sample-statistics';
export * from './weighted-sample';
