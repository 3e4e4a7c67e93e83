export * from './prediction-input.schema';
export * from './prediction.schema';
export * from './predictions-message';
