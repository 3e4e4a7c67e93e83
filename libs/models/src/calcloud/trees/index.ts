export * from './feature-bins';
export * from './regression-tree';
export * from './boosted-trees';
export * from './compiled-ensemble';
