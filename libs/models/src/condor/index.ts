export * from './memory-hold';
export * from './release-history';
export * from './hold-advisor';
export * from './log-advice';
