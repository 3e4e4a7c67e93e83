import { existsSync, readFileSync } from 'node:fs';
import { calcloudRowToJobRun, missingCalcloudColumns } from './calcloud-job-run';
import { splitCsvLine } from './csv-line';

const HEADER =
  'n_files,total_mb,x_files,x_size,drizcorr,pctecorr,crsplit,subarray,detector,dtype,instr,wallclock,memory,mem_bin,bin_pred,mem_pred,wall_pred,ipst';
const LINE = '7.0,105.0,1.44,1.59,1,1,2,0,1,1,3,3419.0,3.564828,1.0,,,,ia2l51030';
const RECORDED_AT = '2021-05-11T00:00:00.000Z';

function row(line: string, header = HEADER): Record<string, string> {
  const names = splitCsvLine(header);
  const values = splitCsvLine(line);
  return Object.fromEntries(names.map((name, index) => [name, values[index]]));
}

describe('calcloudRowToJobRun', () => {
  it('maps a row of the calcloud export', () => {
    expect(calcloudRowToJobRun(row(LINE), RECORDED_AT)).toEqual({
      ok: true,
      run: {
        payloadId: 'ia2l51030',
        source: 'calcloud',
        jobId: 'ia2l51030',
        jobType: 'job-hst_calibration:wfc3',
        queue: null,
        instanceType: null,
        status: 'job-completed',
        exitCode: null,
        queuedAt: null,
        startedAt: null,
        endedAt: null,
        updatedAt: RECORDED_AT,
        queueWaitSeconds: null,
        durationSeconds: 3419,
        commandDurationSeconds: null,
        inputCount: 7,
        inputBytes: 105 * 1024 * 1024,
        outputBytes: null,
        peakMemoryBytes: Math.round(3.564828 * 1024 ** 3),
        cpuCount: null,
        tags: [],
        features: { n_files: 7, total_mb: 105, drizcorr: 1, pctecorr: 1, crsplit: 2, subarray: 0, detector: 1, dtype: 1, instr: 3 },
      },
    });
  });

  it('keeps a row with an empty target, the target unknown', () => {
    const result = calcloudRowToJobRun({ ...row(LINE), memory: '' }, RECORDED_AT);
    expect(result.ok && result.run.peakMemoryBytes).toBeNull();
  });

  it.each([
    ['no dataset id', { ipst: ' ' }, 'ipst: missing'],
    ['a word for a feature', { n_files: 'seven' }, 'n_files: not a number'],
    ['a missing feature', { detector: '' }, 'detector: missing'],
    ['a word for a target', { wallclock: 'long' }, 'wallclock: not a number'],
    ['an unknown instrument', { instr: '9', ipst: 'xa2l51030' }, 'instr: unknown instrument'],
    ['a negative wallclock', { wallclock: '-5' }, 'durationSeconds'],
    ['a 5 MB cell', { total_mb: '1'.repeat(5 * 1024 * 1024) }, 'total_mb: not a number'],
  ])('gives a reason for %s', (_case, change, reason) => {
    const result = calcloudRowToJobRun({ ...row(LINE), ...change }, RECORDED_AT);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });

  it('names the columns a header lacks', () => {
    expect(missingCalcloudColumns(['ipst', 'n_files'])).toEqual([
      'wallclock',
      'memory',
      'total_mb',
      'drizcorr',
      'pctecorr',
      'crsplit',
      'subarray',
      'detector',
      'dtype',
      'instr',
    ]);
    expect(missingCalcloudColumns(splitCsvLine(HEADER))).toEqual([]);
  });
});

const REAL_EXPORT = '/work/shared/data/calcloud/calcloud-2021-05-11.csv';
const describeRealExport = existsSync(REAL_EXPORT) ? describe : describe.skip;

// Skipped where the shared data folder is absent (it is not part of the repository).
describeRealExport('calcloudRowToJobRun on the real 2021-05-11 export', () => {
  it('normalizes all 29,191 rows into as many distinct jobs', () => {
    const [header, ...lines] = readFileSync(REAL_EXPORT, 'utf8').trim().split('\n');
    const payloads = new Set<string>();
    for (const line of lines) {
      const result = calcloudRowToJobRun(row(line, header), RECORDED_AT);
      if (!result.ok) throw new Error(`${line}: ${result.reason}`);
      payloads.add(result.run.payloadId);
    }
    expect(lines).toHaveLength(29_191);
    expect(payloads.size).toBe(29_191);
  });
});
