import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { register } from './backtest.command';

/** A small made-up trace: two job types that repeat, queue waits that vary. */
function madeUpTrace(): string {
  const lines = ['; UnixStartTime: 1000000000', '; MaxProcs: 64', '; Partition: 1 DEFAULT'];
  for (let job = 1; job <= 120; job++) {
    const user = job % 2 ? 1 : 2;
    const run = user === 1 ? 100 + (job % 7) : 5000 + (job % 11) * 10;
    const wait = (job * 37) % 400;
    lines.push(`${job} ${job * 600} ${wait} ${run} 4 ${run} -1 4 ${user === 1 ? 3600 : 36000} -1 1 ${user} 1 -1 -1 1 -1 -1`);
  }
  lines.push('121 999999 not-a-job');
  return lines.join('\n');
}

describe('jobcast backtest swf', () => {
  it('writes per-job predictions and one summary object per estimator', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'backtest-'));
    const trace = join(folder, 'trace.swf');
    writeFileSync(trace, madeUpTrace());
    const out = join(folder, 'out');
    const printed: string[] = [];
    const errors: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
    const error = jest.spyOn(console, 'error').mockImplementation((line: string) => errors.push(line));
    try {
      const program = new Command().exitOverride();
      register(program);
      await program.parseAsync(['node', 'jobcast', 'backtest', 'swf', trace, '--out', out]);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
    expect(errors).toEqual([`jobcast: ${trace}:124 skipped: expected 18 fields, found 3`]);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(JSON.parse(printed[printed.length - 1])).toEqual(summary);
    expect(Object.keys(summary)).toEqual(['soamc', 'requested', 'jobcast']);
    for (const name of ['soamc', 'requested', 'jobcast']) {
      expect(summary[name]).toEqual(
        expect.objectContaining({
          runtime_mae_s: expect.any(Number),
          runtime_mdape: expect.any(Number),
          runtime_under_rate: expect.any(Number),
        }),
      );
    }
    expect(summary.jobcast).toMatchObject({ queue_level: 0.95, queue_confidence: 0.95, queue_coverage: expect.any(Number) });
    expect(summary.requested.queue_coverage).toBeUndefined();
    // two steady job types: the runtime model must beat the user's requested time by far
    expect(summary.jobcast.runtime_mae_s).toBeLessThan(summary.requested.runtime_mae_s / 5);
    const csv = readFileSync(join(out, 'predictions.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^payload_id,job_type,submitted_at,actual_runtime_s,requested_s,soamc_runtime_s,jobcast_p50_s/);
    expect(csv).toHaveLength(121);
  });

  it('rejects a quantile outside (0, 1)', async () => {
    const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined });
    register(program);
    await expect(
      program.parseAsync(['node', 'jobcast', 'backtest', 'swf', 'x.swf', '--out', '/tmp/x', '--quantile', '1.5']),
    ).rejects.toThrow(/--quantile must lie strictly between 0 and 1/);
  });
});
