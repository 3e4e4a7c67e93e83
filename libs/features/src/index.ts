export * from './swf';
export * from './calcloud';
export * from './hysds';
export * from './normalization';
export * from './synthetic';
