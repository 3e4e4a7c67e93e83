import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { register } from './advise.command';

const submitted = (id: string) => [`000 (${id}.000) 2024-01-31 10:00:00 Job submitted from host: <10.0.0.1:9618>`, '...'];
const held = (id: string, time: string, ...body: string[]) => [`012 (${id}.000) 2024-01-31 ${time} Job was held.`, ...body.map((line) => `\t${line}`), '...'];
const released = (id: string, time: string) => [`013 (${id}.000) 2024-01-31 ${time} Job was released.`, '...'];
const terminated = (id: string, time: string) => [`005 (${id}.000) 2024-01-31 ${time} Job terminated.`, '\t(1) Normal termination (return value 0)', '...'];

/** Three jobs end on hold: one for memory, one by its user, one for a transfer error (code 13). */
const LOG = [
  ...submitted('1.0'),
  '006 (1.0.000) 2024-01-31 10:05:00 Image size of job updated: 3000000',
  '\t2900  -  MemoryUsage of job (MB)',
  '...',
  ...held('1.0', '10:06:00', 'Error from slot1@node: Job has gone over memory limit of 2048 megabytes.', 'Code 34 Subcode 0'),
  ...submitted('1.1'),
  ...held('1.1', '10:06:00', 'via condor_hold (by user alice)', 'Code 1 Subcode 0'),
  ...submitted('1.2'),
  ...held('1.2', '10:06:00', 'Transfer input files failure', 'Code 13 Subcode 2'),
  'garbage',
].join('\n');

/** An earlier log: three jobs held with code 13, released, and all terminated normally. */
const HISTORY = [
  ...held('9.0', '08:00:00', 'Transfer input files failure', 'Code 13 Subcode 2'),
  ...released('9.0', '08:10:00'),
  ...terminated('9.0', '09:00:00'),
  ...held('9.1', '08:00:00', 'Transfer input files failure', 'Code 13 Subcode 2'),
  ...released('9.1', '08:10:00'),
  ...terminated('9.1', '09:00:00'),
  ...held('9.2', '08:00:00', 'Transfer input files failure', 'Code 13 Subcode 2'),
  ...released('9.2', '08:10:00'),
  ...terminated('9.2', '09:00:00'),
].join('\n');

async function run(...args: string[]): Promise<{ printed: string[]; errors: string[] }> {
  const printed: string[] = [];
  const errors: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: string) => printed.push(line));
  const error = jest.spyOn(console, 'error').mockImplementation((line: string) => errors.push(line));
  try {
    const program = new Command().exitOverride().configureOutput({ writeErr: () => undefined });
    register(program);
    await program.parseAsync(['node', 'jobcast', 'advise', 'condor', ...args]);
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
  return { printed, errors };
}

describe('jobcast advise condor', () => {
  const folder = mkdtempSync(join(tmpdir(), 'advise-'));
  const logFile = join(folder, 'job.log');
  const historyFile = join(folder, 'old.log');
  writeFileSync(logFile, LOG);
  writeFileSync(historyFile, HISTORY);

  it('prints one line of advice per job on hold, a summary, and the rejected records on stderr', async () => {
    const { printed, errors } = await run(logFile, '--history', historyFile);
    expect(printed).toEqual([
      '1.0 held 2024-01-31T10:06:00.000Z (code 34/0): release — held for memory: it used 2900 MB; release with request_memory = 3480 MB',
      '1.1 held 2024-01-31T10:06:00.000Z (code 1/0): leave-to-user — held by a user (code 1): release or remove is their call',
      '1.2 held 2024-01-31T10:06:00.000Z (code 13/2): release — 3 of 3 released jobs with hold code 13 terminated normally (estimate 0.80), above 0.5',
      `advised 3 jobs on hold of 3 jobs in ${logFile}: 2 release, 0 remove, 1 leave to the user ` +
        '(history: 3 released jobs that finished; rejected records: 1; records of no job: 0)',
    ]);
    expect(errors).toEqual([`jobcast: ${logFile}:22 skipped: not a record header: expected "NNN (cluster.proc.subproc) DATE TIME text"`]);
  });

  it('writes JSON lines, removes what the pool cannot hold, and leaves a hold the history has not seen', async () => {
    const { printed } = await run(logFile, '--json', '--max-memory-mb', '3000');
    const lines = printed.map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.type, line.jobId, line.action])).toEqual([
      ['advice', '1.0', 'remove'],
      ['advice', '1.1', 'leave-to-user'],
      ['advice', '1.2', 'leave-to-user'],
      ['summary', undefined, undefined],
    ]);
    expect(lines[0].evidence).toEqual({
      kind: 'memory',
      usageMb: 2900,
      usageFrom: 'peak',
      requestMemoryMb: 2048,
      recommendedMemoryMb: 3480,
      maxMemoryMb: 3000,
    });
    expect(lines[2].evidence).toMatchObject({ kind: 'history', holdCode: '13', samples: 0, minSamples: 3 });
    expect(lines[3]).toEqual({
      type: 'summary',
      log: logFile,
      jobs: 3,
      advised: 3,
      release: 0,
      remove: 1,
      leave_to_user: 2,
      history_samples: 0,
      rejected: 1,
      unattributed: 0,
    });
  });

  it('replays every hold with --every-hold, learning only from jobs that had ended by then', async () => {
    const { printed } = await run(historyFile, '--every-hold', '--json');
    const advice = printed.map((line) => JSON.parse(line)).filter((line) => line.type === 'advice');
    expect(advice.map((line) => [line.jobId, line.action, line.evidence.samples])).toEqual([
      ['9.0', 'leave-to-user', 0],
      ['9.1', 'leave-to-user', 0],
      ['9.2', 'leave-to-user', 0],
    ]);
    const { printed: lenient } = await run(historyFile, '--every-hold', '--json', '--min-samples', '0');
    expect(lenient.map((line) => JSON.parse(line).action).slice(0, 3)).toEqual(['remove', 'remove', 'remove']);
  });

  it('counts a trained condor-hold model’s release history with --model, and names a folder without one', async () => {
    const runDir = join(folder, 'condor-hold-run');
    mkdirSync(join(runDir, 'models'), { recursive: true });
    writeFileSync(join(runDir, 'models', 'release_history.json'), JSON.stringify({ '13': { samples: 4, succeeded: 1 } }));
    const { printed } = await run(logFile, '--model', runDir, '--history', historyFile);
    expect(printed[2]).toBe(
      '1.2 held 2024-01-31T10:06:00.000Z (code 13/2): release — 4 of 7 released jobs with hold code 13 terminated normally (estimate 0.56), above 0.5',
    );
    await expect(run(logFile, '--model', folder)).rejects.toThrow(`--model ${folder}: no readable condor-hold release history`);
  });

  it.each([
    [['--max-memory-mb', '0'], /must be a whole number ≥ 1/],
    [['--threshold', '1'], /must lie strictly between 0 and 1/],
    [['--min-samples', '-1'], /must be a whole number ≥ 0/],
    [['--year', '20'], /must be a year/],
  ])('refuses %p', async (args, message) => {
    await expect(run(logFile, ...args)).rejects.toThrow(message);
  });
});

const ICECUBE = join(__dirname, '../../../../../shared/data/htcondor/icecube-cosmicray-job.log');
const present = existsSync(ICECUBE);
if (!present) console.warn(`advise condor real-log test skipped: ${ICECUBE} is absent (the shared real-data folder is not mounted)`);

(present ? describe : describe.skip)('jobcast advise condor on the real IceCube log', () => {
  it('finds no job still held (all 10 were removed) and would have released each memory hold', async () => {
    expect((await run(ICECUBE, '--year', '2020')).printed).toEqual([
      `advised 0 jobs on hold of 60 jobs in ${ICECUBE}: 0 release, 0 remove, 0 leave to the user ` +
        '(history: 0 released jobs that finished; rejected records: 0; records of no job: 0)',
    ]);
    const { printed } = await run(ICECUBE, '--year', '2020', '--every-hold', '--max-memory-mb', '2048');
    expect(printed).toHaveLength(11);
    expect(printed[0]).toBe(
      '35817387.0 held 2020-10-30T17:34:06.000Z (code 21/1001): release — held for memory: it used 1589 MB; release with request_memory = 1907 MB',
    );
    expect(printed[10]).toMatch(/^advised 10 holds of 60 jobs in .*: 8 release, 2 remove, 0 leave to the user/);
  });
});
