export * from './job-status-envelope.codec';
export * from './job-status-envelope.key';
export * from './job-status-envelope.schema';
