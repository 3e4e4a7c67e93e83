export * from './create-database';
export * from './database-url';
