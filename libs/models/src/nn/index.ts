export * from './tf-backend';
export * from './dense-network';
export * from './train-network';
export * from './model-files';
