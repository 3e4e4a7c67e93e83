import type { JobRun } from '@jobcast/contracts';
import { calcloudRowFromJobRun } from './calcloud-dataset';
import { CalcloudInputError, encodeCalcloudJobRun, encodeCalcloudKeywords, encodeCalcloudRecord } from './calcloud-features';

const run = (features: JobRun['features'], overrides: Partial<JobRun> = {}): JobRun => ({
  payloadId: 'ib5i08010',
  source: 'calcloud',
  jobId: null,
  jobType: 'job-hst_calibration:wfc3',
  queue: null,
  instanceType: null,
  status: 'job-completed',
  exitCode: 0,
  queuedAt: null,
  startedAt: null,
  endedAt: null,
  updatedAt: '2021-05-11T00:00:00Z',
  queueWaitSeconds: null,
  durationSeconds: 100,
  commandDurationSeconds: null,
  inputCount: null,
  inputBytes: null,
  outputBytes: null,
  peakMemoryBytes: null,
  cpuCount: null,
  tags: [],
  features,
  ...overrides,
});

describe('calcloud feature spec', () => {
  it('encodes raw keywords with calcloud’s rules', () => {
    expect(
      encodeCalcloudKeywords({ datasetId: 'ib5i08010', nFiles: 31, totalMb: 524.6, DETECTOR: 'UVIS', SUBARRAY: 'False', DRIZCORR: 'PERFORM', PCTECORR: 'OMIT', CRSPLIT: 2 }),
    ).toEqual({ n_files: 31, total_mb: 525, drizcorr: 1, pctecorr: 0, crsplit: 2, subarray: 0, detector: 1, dtype: 1, instr: 3, ipst: 'ib5i08010' });
    expect(encodeCalcloudKeywords({ datasetId: 'oabc12345', nFiles: '2', totalMb: '3', DETECTOR: 'CCD', SUBARRAY: true, CRSPLIT: 1 })).toEqual({
      n_files: 2, total_mb: 3, drizcorr: 0, pctecorr: 0, crsplit: 1, subarray: 1, detector: 0, dtype: 0, instr: 2, ipst: 'oabc12345',
    });
  });

  it('treats a missing or NaN CRSPLIT as 0', () => {
    expect(encodeCalcloudKeywords({ datasetId: 'jabc01010', nFiles: 1, totalMb: 1, CRSPLIT: 'NaN' }).crsplit).toBe(0);
    expect(encodeCalcloudKeywords({ datasetId: 'labc01010', nFiles: 1, totalMb: 1 }).crsplit).toBe(0);
  });

  it('names every bad field', () => {
    expect(() => encodeCalcloudKeywords({ datasetId: 'xabc', nFiles: -1, totalMb: 'big' })).toThrow(CalcloudInputError);
    try {
      encodeCalcloudKeywords({ datasetId: 'xabc', nFiles: -1, totalMb: 'big' });
    } catch (error) {
      expect((error as CalcloudInputError).problems).toHaveLength(3);
      expect((error as Error).message).toMatch(/dataset id.*n_files.*total_mb/);
    }
    expect(() => encodeCalcloudRecord({ n_files: '3', total_mb: '1', drizcorr: '5', pctecorr: '0', crsplit: '0', subarray: '0', detector: '0', dtype: '0', instr: '0' })).toThrow(/drizcorr/);
    expect(() => encodeCalcloudRecord({ n_files: '3', total_mb: '1', drizcorr: '0', pctecorr: '0', crsplit: '0', subarray: '0', detector: '0', dtype: '0', instr: '0', ipst: 'x'.repeat(65) })).toThrow(/ipst/);
  });

  it('keeps the dataset id of encoded columns (any of its names, trimmed, lower case) and leaves a blank one unknown', () => {
    const encoded = { n_files: '7', total_mb: '105', drizcorr: '1', pctecorr: '1', crsplit: '2', subarray: '0', detector: '1', dtype: '1', instr: '3' };
    expect(encodeCalcloudRecord({ ...encoded, ipst: ' IA2L51030 ' }).ipst).toBe('ia2l51030');
    expect(encodeCalcloudRecord({ ...encoded, ipppssoot: 'ia2l51030' }).ipst).toBe('ia2l51030');
    expect(encodeCalcloudRecord({ ...encoded, ipst: '' }).ipst).toBeUndefined();
  });

  it('reads a JobRun carrying encoded features', () => {
    const encoded = { n_files: 7, total_mb: 105, drizcorr: 1, pctecorr: 1, crsplit: 2, subarray: 0, detector: 1, dtype: 1, instr: 3 };
    expect(encodeCalcloudJobRun(run(encoded))).toEqual({ ...encoded, ipst: 'ib5i08010' });
  });

  it('reads a JobRun carrying raw keywords, with the payload id as dataset id and input sizes as fallback', () => {
    const features = encodeCalcloudJobRun(run({ DETECTOR: 'WFC', SUBARRAY: 'True', DRIZCORR: 'PERFORM', PCTECORR: 'PERFORM', CRSPLIT: 'NaN' }, { payloadId: 'jbeven010', inputCount: 6, inputBytes: 171.7 * 1024 ** 2 }));
    expect(features).toEqual({ n_files: 6, total_mb: 172, drizcorr: 1, pctecorr: 1, crsplit: 0, subarray: 1, detector: 1, dtype: 1, instr: 0, ipst: 'jbeven010' });
  });

  it('turns a finished JobRun into a training row, and names a missing target', () => {
    const encoded = { n_files: 7, total_mb: 105, drizcorr: 1, pctecorr: 1, crsplit: 2, subarray: 0, detector: 1, dtype: 1, instr: 3 };
    const row = calcloudRowFromJobRun(run(encoded, { peakMemoryBytes: 3.5 * 1024 ** 3, durationSeconds: 3419 }));
    expect(row).toEqual({ id: 'ib5i08010', features: { ...encoded, ipst: 'ib5i08010' }, memoryGb: 3.5, wallclockSeconds: 3419, memBin: 1 });
    expect(() => calcloudRowFromJobRun(run(encoded))).toThrow(/peakMemoryBytes is missing/);
  });
});
