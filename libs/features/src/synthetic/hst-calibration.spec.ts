import { encodeCalcloudKeywords } from '../calcloud/calcloud-features';
import { hstMemoryBin, sampleHstCalibrationJob, type HstCalibrationJob } from './hst-calibration';
import { SeededRandom } from './random';

describe('HST calibration jobs', () => {
  const random = new SeededRandom(2021);
  const jobs: HstCalibrationJob[] = Array.from({ length: 30_000 }, () => sampleHstCalibrationJob(random));
  const share = (predicate: (job: HstCalibrationJob) => boolean, among = jobs) => among.filter(predicate).length / among.length;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

  it('mixes the four instruments like calcloud does (WFC3 most, ACS least)', () => {
    expect(share((j) => j.instrument === 'wfc3')).toBeCloseTo(0.57, 1);
    expect(share((j) => j.instrument === 'acs')).toBeCloseTo(0.1, 1);
    expect(share((j) => j.instrument === 'cos')).toBeCloseTo(0.16, 1);
    expect(share((j) => j.instrument === 'stis')).toBeCloseTo(0.17, 1);
  });

  it('puts most jobs in the lowest memory bin and keeps the top bins rare but present', () => {
    const bins = [0, 1, 2, 3].map((bin) => share((j) => hstMemoryBin(j.memoryGb) === bin));
    expect(bins[0]).toBeGreaterThan(0.75);
    expect(bins[0]).toBeLessThan(0.92);
    expect(bins[1]).toBeGreaterThan(0.07);
    expect(bins[2] + bins[3]).toBeGreaterThan(0.001);
    expect(bins[2] + bins[3]).toBeLessThan(0.02);
  });

  it('makes memory and wallclock grow with the input size', () => {
    const wfc3 = jobs.filter((j) => j.instrument === 'wfc3');
    const logSize = wfc3.map((j) => Math.log1p(j.params.total_mb));
    expect(correlation(logSize, wfc3.map((j) => Math.log(j.wallclockSeconds)))).toBeGreaterThan(0.5);
    expect(correlation(logSize, wfc3.map((j) => Math.log(j.memoryGb)))).toBeGreaterThan(0.3);
  });

  it('makes drizzling and CTE correction cost wallclock', () => {
    const wfc3 = jobs.filter((j) => j.instrument === 'wfc3' && j.params.DETECTOR === 'UVIS');
    const wall = (predicate: (j: HstCalibrationJob) => boolean) => median(wfc3.filter(predicate).map((j) => j.wallclockSeconds));
    expect(wall((j) => j.params.PCTECORR === 'PERFORM') / wall((j) => j.params.PCTECORR === 'OMIT')).toBeGreaterThan(2);
    expect(wall((j) => j.params.DRIZCORR === 'PERFORM') / wall((j) => j.params.DRIZCORR === 'OMIT')).toBeGreaterThan(1.2);
  });

  it('carries keywords that encode with calcloud rules to the right instrument and dataset type', () => {
    const codes = { acs: 0, cos: 1, stis: 2, wfc3: 3 };
    for (const job of jobs.slice(0, 2000)) {
      const encoded = encodeCalcloudKeywords(job.params);
      expect(encoded).toBeDefined();
      expect(encoded!.instr).toBe(codes[job.instrument]);
      expect(encoded!.dtype).toBe(job.params.ipppssoot.endsWith('0') ? 1 : 0);
      expect(job.params.ipppssoot).toMatch(/^[jloi][a-z0-9]{7}[0qjsrt]$/);
    }
    // WFC3/IR is never cosmic-ray split, so its CRSPLIT is missing (encoded 0).
    expect(jobs.filter((j) => j.params.DETECTOR === 'IR').every((j) => j.params.CRSPLIT === undefined)).toBe(true);
  });
});

function correlation(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
