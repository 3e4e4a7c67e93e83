import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatCsv, parseCsv } from '@jobcast/models';
import { buildProgram } from '../program';

/** A small calcloud-shaped training file: memory grows with the input size, a few large jobs. */
function trainingCsv(rows: number): string {
  const body = Array.from({ length: rows }, (_, i) => {
    const totalMb = (i * 37) % 600;
    const memory = i % 40 === 0 ? 10 : 0.4 + totalMb / 200;
    return [1 + (i % 20), totalMb, 1, i % 2, i % 3, 0, i % 2, 1, 3, 100 + totalMb * 4, memory, `ia${String(i).padStart(6, '0')}0`];
  });
  return formatCsv(['n_files', 'total_mb', 'drizcorr', 'pctecorr', 'crsplit', 'subarray', 'detector', 'dtype', 'instr', 'wallclock', 'memory', 'ipst'], body);
}

describe('jobcast train / predict / report calcloud', () => {
  let dir: string;
  let stdout: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jobcast-calcloud-'));
    stdout = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('trains, predicts with an error column for bad rows, and reports', async () => {
    writeFileSync(join(dir, 'train.csv'), trainingCsv(400));
    await buildProgram().parseAsync(['node', 'jobcast', 'train', 'calcloud', '--data', join(dir, 'train.csv'), '--out', join(dir, 'run'), '--seed', '1', '--epochs-scale', '0.2', '--folds', '3']);
    const metrics = JSON.parse(stdout[stdout.length - 1]);
    for (const key of ['accuracy', 'mem_rmse', 'wall_rmse', 'kill_coverage', 'train_seconds']) expect(typeof metrics[key]).toBe('number');
    expect(existsSync(join(dir, 'run', 'models', 'tx_data.json'))).toBe(true);
    expect(Object.keys(metrics.kfold_mean)).toEqual(['accuracy', 'mem_rmse', 'wall_rmse', 'kill_coverage']);
    expect(JSON.parse(readFileSync(join(dir, 'run', 'results', 'kfold.json'), 'utf8')).perFold).toHaveLength(3);

    writeFileSync(
      join(dir, 'jobs.csv'),
      'ipst,n_files,total_mb,DETECTOR,SUBARRAY,DRIZCORR,PCTECORR,CRSPLIT\nib5i08010,31,524.6,UVIS,False,PERFORM,PERFORM,2\nib5i08020,-3,10,UVIS,False,PERFORM,PERFORM,2\n',
    );
    await buildProgram().parseAsync(['node', 'jobcast', 'predict', 'calcloud', '--models', join(dir, 'run', 'models'), '--input', join(dir, 'jobs.csv'), '--output', join(dir, 'out.csv')]);
    const { header, rows } = parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8'));
    expect(header.slice(-7)).toEqual(['bin_pred', 'bin_probs', 'mem_pred', 'wall_pred', 'kill_time', 'bin_cost_aware', 'error']);
    expect(rows[0][header.indexOf('error')]).toBe('');
    expect(JSON.parse(rows[0][header.indexOf('bin_probs')])).toHaveLength(4);
    expect(Number(rows[0][header.indexOf('kill_time')])).toBeGreaterThanOrEqual(60);
    expect(rows[1][header.indexOf('bin_pred')]).toBe('');
    expect(rows[1][header.indexOf('error')]).toMatch(/n_files must be a non-negative number/);

    await buildProgram().parseAsync(['node', 'jobcast', 'report', join(dir, 'run')]);
    expect(stdout.join('')).toMatch(/memory bin: accuracy/);
    expect(readFileSync(join(dir, 'run', 'report.html'), 'utf8')).toContain('<svg');
  }, 120_000);
});
