export * from './timed-events';
export * from './backtest-metrics';
export * from './backtest-replay';
export * from './backtest-summary';
export * from './backtest-csv';
export * from './processor-class';
