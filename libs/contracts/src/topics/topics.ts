/**
 * Every Kafka topic Jobcast uses. Each message folder in this lib re-exports its own topic next to its schema;
 * this list exists so the topic admin can create them all at start.
 */
export const Topics = {
  jobStatus: 'jobcast.job-status.v1',
  jobStatusDeadLetter: 'jobcast.job-status.dlq.v1',
  models: 'jobcast.models.v1',
  predictions: 'jobcast.predictions.v1',
} as const;
export type TopicName = (typeof Topics)[keyof typeof Topics];
