export * from './folder-model-store';
export * from './model-store.port';
export * from './s3-model-store';
export * from './verify-artifacts';
