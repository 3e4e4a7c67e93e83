export * from './runtime';
export * from './cost';
export * from './queue';
export * from './backtest';
