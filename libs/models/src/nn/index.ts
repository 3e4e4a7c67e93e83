// The network modules load TensorFlow.js (~18 MB of memory) when imported, so the library's index exports only what
// needs no network: code that builds or trains one imports those modules itself.
export * from './tf-backend';
export type { TrainingHistory } from './train-network';
