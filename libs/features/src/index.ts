export * from './swf';
export * from './condor';
export * from './calcloud';
export * from './hysds';
export * from './normalization';
export * from './synthetic';
