export * from './normalize-result';
export * from './validated-run';
