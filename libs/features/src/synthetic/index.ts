export { generateHistory } from './generate-history';
export { HistoryOptions, parseHistoryOptions, type HistoryOptionsInput } from './history-options';
export type { SyntheticJobStatusDocument } from './job-status-document';
export { hstJobTypes, hstMemoryBins, hstMemoryBin } from './hst-calibration';
export { jobCatalog } from './job-catalog';
export { SeededRandom } from './random';
