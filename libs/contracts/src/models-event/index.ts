export * from './models-event.key';
export * from './models-event.schema';
