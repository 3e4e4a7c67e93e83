export * from './hysds-feature-spec';
