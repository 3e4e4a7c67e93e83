export * from './message-bus.port';
export * from './kafka/kafka-config';
export * from './kafka/topic-admin';
export * from './kafka/kafka-message-bus';
export * from './in-process/in-process-message-bus';
export * from './dead-letter/dead-letter-publisher';
