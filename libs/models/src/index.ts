export {};
export * from './training';
export * from './store';
export * from './estimators';
export * from './pricing';
export * from './features';
export * from './calcloud/calcloud-features';
