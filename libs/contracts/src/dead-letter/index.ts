export * from './dead-letter.key';
export * from './dead-letter.schema';
