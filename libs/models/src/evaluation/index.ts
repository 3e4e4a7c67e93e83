export * from './classification-metrics';
export * from './roc-curve';
export * from './regression-metrics';
