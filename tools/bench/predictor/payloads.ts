/** Inputs the bench sends: calcloud keywords (all models answer) and JobRun-like jobs (runtime + cost). */

const DETECTORS = ['UVIS', 'WFC', 'IR', 'SBC', 'HRC'];
const PREFIXES = ['i', 'j', 'l', 'o'];

export function calcloudInput(i: number) {
  return {
    dataset: `${PREFIXES[i % 4]}${(100000 + i).toString(36)}${i % 3 === 0 ? '0' : 'q'}`,
    n_files: 1 + (i % 12),
    total_mb: 2 + ((i * 37) % 900),
    DETECTOR: DETECTORS[i % DETECTORS.length],
    SUBARRAY: i % 5 === 0,
    DRIZCORR: i % 2 === 0 ? 'PERFORM' : 'OMIT',
    PCTECORR: i % 3 === 0 ? 'PERFORM' : 'OMIT',
    CRSPLIT: i % 3,
  };
}

export function jobRunInput(i: number, jobTypes: readonly string[], instances: readonly string[]) {
  return { payloadId: `bench-${i}`, jobType: jobTypes[i % jobTypes.length], instanceType: instances[i % instances.length] };
}

/** Half calcloud, half JobRun-like, as a mixed batch. */
export function mixedBatch(size: number, jobTypes: readonly string[], instances: readonly string[]): unknown[] {
  return Array.from({ length: size }, (_, i) => (i % 2 === 0 ? calcloudInput(i) : jobRunInput(i, jobTypes, instances)));
}

/** The same batch as gRPC PredictRequests. */
export function grpcBatch(items: unknown[]): unknown[] {
  return items.map((item) => {
    const input = item as Record<string, any>;
    if ('jobType' in input) return { job: { payloadId: input['payloadId'], jobType: input['jobType'], instanceType: input['instanceType'] } };
    return {
      calcloud: {
        dataset: input['dataset'], nFiles: input['n_files'], totalMb: input['total_mb'], detector: input['DETECTOR'],
        subarray: input['SUBARRAY'], drizcorr: input['DRIZCORR'], pctecorr: input['PCTECORR'], crsplit: input['CRSPLIT'],
      },
    };
  });
}
