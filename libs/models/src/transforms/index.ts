export * from './yeo-johnson';
export * from './power-transformer';
