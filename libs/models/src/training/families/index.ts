export * from './calcloud.family';
export * from './condor-hold.family';
export * from './model-family-catalog';
export * from './runtime.family';
