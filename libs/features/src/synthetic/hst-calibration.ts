import { calcloudJobType } from '../calcloud/calcloud-instruments';
import { SeededRandom, WeightedChoice } from './random';

/**
 * Hubble calibration jobs (calcloud) as a HySDS job family. Keywords are sampled per instrument with frequencies like
 * the public calcloud training set, and memory / wallclock come from log-linear relationships calibrated against it
 * (input size dominates; drizzling and CTE correction add wallclock; large detectors add memory), each with its own
 * log-normal scatter. Nothing here is a copied row: every job is drawn fresh from these distributions.
 */
export type HstInstrument = 'acs' | 'cos' | 'stis' | 'wfc3';

export interface HstCalibrationJob {
  readonly instrument: HstInstrument;
  /** The calcloud keywords as they appear in the job's params. */
  readonly params: HstCalibrationParams;
  readonly memoryGb: number;
  readonly wallclockSeconds: number;
}

export type HstCalibrationParams = {
  readonly ipppssoot: string;
  readonly DETECTOR: string;
  readonly SUBARRAY: boolean;
  readonly DRIZCORR: 'PERFORM' | 'OMIT';
  readonly PCTECORR: 'PERFORM' | 'OMIT';
  /** Absent when the exposure was not cosmic-ray split (calcloud encodes a missing CRSPLIT as 0). */
  readonly CRSPLIT?: number;
  readonly n_files: number;
  readonly total_mb: number;
};

/** calcloud's memory-bin ladder: the memory limit of each bin's job definition (GB) and the instance behind it. */
export const hstMemoryBins: ReadonlyArray<{ readonly limitGb: number; readonly instance: string; readonly queue: string }> = [
  { limitGb: 1.792, instance: 'c5a.2xlarge', queue: 'hstdp-batch-queue-2g' },
  { limitGb: 7.168, instance: 'm5a.2xlarge', queue: 'hstdp-batch-queue-8g' },
  { limitGb: 14.336, instance: 'r5a.xlarge', queue: 'hstdp-batch-queue-16g' },
  { limitGb: 57.344, instance: 'r5a.2xlarge', queue: 'hstdp-batch-queue-64g' },
];

export function hstMemoryBin(memoryGb: number): number {
  const bin = hstMemoryBins.findIndex((b) => memoryGb < b.limitGb);
  return bin === -1 ? hstMemoryBins.length - 1 : bin;
}

interface Coefficients {
  readonly intercept: number;
  readonly logSize: number;
  readonly logFiles: number;
  readonly detector: number;
  readonly subarray: number;
  readonly drizcorr: number;
  readonly pctecorr: number;
  readonly crsplitMany: number;
  readonly association: number;
  readonly scatter: number;
}

interface InstrumentModel {
  readonly letter: string;
  readonly share: number;
  /** [name, probability] of the large-detector name (encoded 1); the rest are the small detectors (encoded 0). */
  readonly largeDetector: readonly [string, number] | null;
  readonly smallDetectors: readonly string[];
  readonly association: number;
  readonly subarray: number;
  readonly drizcorr: number;
  readonly pctecorr: number;
  /** Probabilities of CRSPLIT missing, = 1, > 1. */
  readonly crsplit: readonly [number, number, number];
  /** Distribution of n_files for singletons and for associations. */
  readonly singletonFiles: WeightedChoice<number>;
  readonly associationFiles: WeightedChoice<number>;
  /** Mean and standard deviation of log(1 + total_mb) for the small and the large detector. */
  readonly logSize: readonly [small: readonly [number, number], large: readonly [number, number]];
  readonly memory: Coefficients;
  readonly wallclock: Coefficients;
}

function files(pairs: ReadonlyArray<readonly [number, number]>): WeightedChoice<number> {
  return new WeightedChoice(
    pairs.map(([count]) => count),
    pairs.map(([, weight]) => weight),
  );
}

const models: Readonly<Record<HstInstrument, InstrumentModel>> = {
  acs: {
    letter: 'j',
    share: 0.1,
    largeDetector: ['WFC', 0.58],
    smallDetectors: ['HRC', 'SBC'],
    association: 0.54,
    subarray: 0.11,
    drizcorr: 0.99,
    pctecorr: 0.5,
    crsplit: [0.045, 0.065, 0.89],
    singletonFiles: files([[2, 89], [1, 6], [4, 5]]),
    associationFiles: files([[6, 32], [9, 19], [5, 16], [10, 13], [8, 5], [7, 3], [14, 2], [18, 1]]),
    logSize: [[1.86, 0.58], [3.6, 0.99]],
    memory: { intercept: -2.35, logSize: 0.5, logFiles: 0, detector: -0.07, subarray: 0.35, drizcorr: 1, pctecorr: 0.42, crsplitMany: -0.1, association: -0.1, scatter: 0.53 },
    wallclock: { intercept: 0.82, logSize: 0.8, logFiles: -0.18, detector: 0.05, subarray: 0.21, drizcorr: 2.33, pctecorr: 1.89, crsplitMany: -0.29, association: 0.37, scatter: 0.37 },
  },
  cos: {
    letter: 'l',
    share: 0.16,
    largeDetector: null,
    smallDetectors: ['FUV', 'NUV'],
    association: 0.08,
    subarray: 0.61,
    drizcorr: 0,
    pctecorr: 0,
    crsplit: [1, 0, 0],
    singletonFiles: files([[2, 78], [3, 22]]),
    associationFiles: files([[3, 55], [4, 14], [2, 8], [5, 7], [7, 6], [13, 5], [20, 2]]),
    logSize: [[0.93, 1.13], [0.93, 1.13]],
    memory: { intercept: -1.41, logSize: 0.06, logFiles: 1.4, detector: 0, subarray: -0.39, drizcorr: 0, pctecorr: 0, crsplitMany: 0, association: -0.45, scatter: 0.29 },
    wallclock: { intercept: 1.66, logSize: 0.06, logFiles: 2.3, detector: 0, subarray: -0.13, drizcorr: 0, pctecorr: 0, crsplitMany: 0, association: -0.84, scatter: 0.54 },
  },
  stis: {
    letter: 'o',
    share: 0.17,
    largeDetector: null,
    smallDetectors: ['CCD', 'FUV-MAMA', 'NUV-MAMA'],
    association: 0.88,
    subarray: 0.22,
    drizcorr: 0,
    pctecorr: 0,
    crsplit: [0.24, 0.01, 0.75],
    singletonFiles: files([[2, 90], [1, 6], [3, 2], [4, 2]]),
    associationFiles: files([[5, 57], [3, 36], [6, 3], [7, 3], [8, 1]]),
    logSize: [[1.89, 0.86], [1.89, 0.86]],
    memory: { intercept: -0.77, logSize: 0.11, logFiles: -0.1, detector: 0, subarray: 0.02, drizcorr: 0, pctecorr: 0, crsplitMany: 0.04, association: -0.06, scatter: 0.075 },
    wallclock: { intercept: 2.9, logSize: 0.15, logFiles: 0.42, detector: 0, subarray: -0.12, drizcorr: 0, pctecorr: 0, crsplitMany: -0.22, association: 0.23, scatter: 0.28 },
  },
  wfc3: {
    letter: 'i',
    share: 0.57,
    largeDetector: ['UVIS', 0.81],
    smallDetectors: ['IR'],
    association: 0.32,
    subarray: 0.41,
    drizcorr: 0.68,
    pctecorr: 0.83,
    crsplit: [0, 0.004, 0.996],
    singletonFiles: files([[2, 99], [1, 1]]),
    associationFiles: files([[5, 38], [6, 29], [9, 16], [7, 4], [11, 2], [13, 2], [4, 2], [21, 1]]),
    logSize: [[2.18, 1.29], [2.7, 1.49]],
    memory: { intercept: -1.49, logSize: 0.22, logFiles: 0.03, detector: 0.26, subarray: -0.17, drizcorr: 0.55, pctecorr: 0.53, crsplitMany: 0, association: 0.03, scatter: 0.29 },
    wallclock: { intercept: 2.1, logSize: 0.52, logFiles: 0.46, detector: 0.33, subarray: -0.12, drizcorr: 0.52, pctecorr: 1.75, crsplitMany: 0, association: -0.18, scatter: 0.41 },
  },
};

const outlierShare = 0.005;

const instruments = Object.keys(models) as HstInstrument[];
const instrumentChoice = new WeightedChoice(
  instruments,
  instruments.map((name) => models[name].share),
);

/** The calcloud job types, one per instrument. */
export const hstJobTypes: readonly string[] = instruments.map(calcloudJobType);

export function sampleHstCalibrationJob(random: SeededRandom): HstCalibrationJob {
  const instrument = instrumentChoice.pick(random);
  const model = models[instrument];
  const large = model.largeDetector !== null && random.chance(model.largeDetector[1]);
  const detectorName = large && model.largeDetector ? model.largeDetector[0] : random.pick(model.smallDetectors);
  const association = random.chance(model.association);
  const subarray = random.chance(model.subarray);
  const drizcorr = random.chance(model.drizcorr);
  // CTE correction only exists for the large CCDs.
  const pctecorr = (large || instrument === 'acs') && random.chance(model.pctecorr);
  // WFC3/IR is never cosmic-ray split; the UVIS channel nearly always is.
  const crsplitClass = instrument === 'wfc3' && !large ? 0 : pickIndex(random, model.crsplit);
  const nFiles = (association ? model.associationFiles : model.singletonFiles).pick(random);
  const [sizeMean, sizeSd] = model.logSize[large ? 1 : 0];
  const logSize = Math.max(0, sizeMean + sizeSd * random.normal());
  const totalMb = Math.round(Math.expm1(logSize) * 10) / 10;

  const predictors = {
    logSize: Math.log1p(totalMb),
    logFiles: Math.log(nFiles),
    detector: large ? 1 : 0,
    subarray: subarray ? 1 : 0,
    drizcorr: drizcorr ? 1 : 0,
    pctecorr: pctecorr ? 1 : 0,
    crsplitMany: crsplitClass === 2 ? 1 : 0,
    association: association ? 1 : 0,
  };
  // A few datasets blow up far beyond what their keywords suggest: the rare, expensive high memory bins.
  const outlier = random.chance(outlierShare);
  const memoryScale = outlier ? random.logNormal(8, 0.6) : 1;
  const wallclockScale = outlier ? random.logNormal(2, 0.5) : 1;
  const memoryGb = Math.max(0.01, round(memoryScale * Math.exp(linear(model.memory, predictors) + model.memory.scatter * random.normal()), 6));
  const wallclockSeconds = Math.max(9, Math.round(wallclockScale * Math.exp(linear(model.wallclock, predictors) + model.wallclock.scatter * random.normal())));

  const params: HstCalibrationParams = {
    ipppssoot: datasetId(random, model.letter, association),
    DETECTOR: detectorName,
    SUBARRAY: subarray,
    DRIZCORR: drizcorr ? 'PERFORM' : 'OMIT',
    PCTECORR: pctecorr ? 'PERFORM' : 'OMIT',
    ...(crsplitClass === 0 ? {} : { CRSPLIT: crsplitClass === 1 ? 1 : random.chance(0.85) ? 2 : random.int(3, 4) }),
    n_files: nFiles,
    total_mb: totalMb,
  };
  return { instrument, params, memoryGb, wallclockSeconds };
}

function linear(c: Coefficients, x: Omit<Coefficients, 'intercept' | 'scatter'>): number {
  return (
    c.intercept +
    c.logSize * x.logSize +
    c.logFiles * x.logFiles +
    c.detector * x.detector +
    c.subarray * x.subarray +
    c.drizcorr * x.drizcorr +
    c.pctecorr * x.pctecorr +
    c.crsplitMany * x.crsplitMany +
    c.association * x.association
  );
}

function pickIndex(random: SeededRandom, probabilities: readonly number[]): number {
  let target = random.next();
  for (let i = 0; i < probabilities.length; i++) {
    target -= probabilities[i];
    if (target < 0) return i;
  }
  return probabilities.length - 1;
}

const alphanumeric = 'abcdefghijklmnopqrstuvwxyz0123456789';
const singletonSuffixes = 'qjsrt';

/** An `ipppssoot` dataset id: instrument letter, program, visit, observation, and `0` for an association. */
function datasetId(random: SeededRandom, letter: string, association: boolean): string {
  let id = letter;
  for (let i = 0; i < 7; i++) id += alphanumeric[random.int(0, alphanumeric.length - 1)];
  return id + (association ? '0' : singletonSuffixes[random.int(0, singletonSuffixes.length - 1)]);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
