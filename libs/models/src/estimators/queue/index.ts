export * from './binomial-order-statistic';
export * from './soamc-queue-time';
export * from './queue-time-estimator';
