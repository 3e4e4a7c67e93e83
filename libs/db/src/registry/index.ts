export * from './model-registry.repository';
export * from './model-versions.table';
