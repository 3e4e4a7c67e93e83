import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CondorEventReader, parseCondorLog } from './condor-event-reader';

const log = (...lines: string[]): string => lines.join('\n') + '\n';

describe('parseCondorLog', () => {
  it('reads a header, its tab-indented body and the terminator', () => {
    const { events, rejected } = parseCondorLog(
      log(
        '012 (35817387.001.000) 10/30 17:34:05 Job was held.',
        '\tError from slot1_32@node129: Policy violation. Memory limit exceeded: requested 1000MB, used 1576MB.',
        '\tCode 21 Subcode 1001',
        '...',
      ),
      { year: 2020 },
    );
    expect(rejected).toEqual([]);
    expect(events).toEqual([
      {
        code: 12,
        cluster: 35817387,
        proc: 1,
        subproc: 0,
        time: '2020-10-30T17:34:05.000Z',
        text: 'Job was held.',
        body: [
          'Error from slot1_32@node129: Policy violation. Memory limit exceeded: requested 1000MB, used 1576MB.',
          'Code 21 Subcode 1001',
        ],
        line: 1,
      },
    ]);
  });

  it.each([
    ['2024-01-31 12:00:00', '2024-01-31T12:00:00.000Z'],
    ['2024-01-31 12:00:00.5', '2024-01-31T12:00:00.500Z'],
    ['2024-01-31 12:00:00.123Z', '2024-01-31T12:00:00.123Z'],
    ['2024-01-31T12:00:00Z', '2024-01-31T12:00:00.000Z'],
  ])('reads the ISO date %s', (date, iso) => {
    const { events } = parseCondorLog(log(`000 (1.0.0) ${date} Job submitted from host: <10.0.0.1:9618>`, '...'));
    expect(events[0]).toMatchObject({ time: iso, text: 'Job submitted from host: <10.0.0.1:9618>' });
  });

  it('takes the year of legacy dates from the option, else the current year, and moves on at New Year', () => {
    const text = log('000 (1.0.0) 12/31 23:59:00 Job submitted', '...', '001 (1.0.0) 01/01 00:01:00 Job executing', '...');
    expect(parseCondorLog(text, { year: 2019 }).events.map((event) => event.time)).toEqual([
      '2019-12-31T23:59:00.000Z',
      '2020-01-01T00:01:00.000Z',
    ]);
    expect(parseCondorLog(text).events[0].time.slice(0, 4)).toBe(String(new Date().getUTCFullYear()));
  });

  it('keeps a header without text, blank body lines and space-indented bodies', () => {
    const { events, rejected } = parseCondorLog(
      log('008 (-01.-01.-01) 05/22 18:28:20 ', '\t', '    DAG Node: A', '...'),
      { year: 2004 },
    );
    expect(rejected).toEqual([]);
    expect(events[0]).toMatchObject({ code: 8, cluster: -1, proc: -1, text: '', body: ['', 'DAG Node: A'] });
  });

  it('reads CRLF line ends', () => {
    const { events, rejected } = parseCondorLog('013 (7.2.0) 2024-01-31 12:00:00 Job was released.\r\n...\r\n');
    expect(rejected).toEqual([]);
    expect(events[0]).toMatchObject({ code: 13, cluster: 7, proc: 2, text: 'Job was released.' });
  });

  it('rejects malformed records with their line and reason, and goes on with the next record', () => {
    const { events, rejected } = parseCondorLog(
      log(
        '000 (1.0.0) 2024-13-01 12:00:00 Job submitted', // 1: month 13
        '\tbody of the bad record',
        '...',
        'garbage line', // 4
        '000 (2.0.0) 2024-01-31 Job submitted', // 5: no time
        '...',
        '000 (3.0.0) 2024-01-31 12:00:00 Job submitted', // 7: never terminated
        '000 (4.0.0) 2024-01-31 12:00:00 Job submitted', // 8
        'not indented', // 9
        '...',
        '000 (5.0.0) 2024-01-31 12:00:00 Job submitted', // 11: good
        '...',
        '001 (5.0.0) 2024-01-31 12:01:00 Job executing', // 13: the log ends
      ),
    );
    expect(events.map((event) => event.cluster)).toEqual([5]);
    expect(rejected).toEqual([
      { line: 1, reason: 'impossible date "2024-13-01 12:00:00"' },
      { line: 4, reason: 'not a record header: expected "NNN (cluster.proc.subproc) DATE TIME text"' },
      { line: 5, reason: expect.stringMatching(/^no date: expected "YYYY-MM-DD HH:MM:SS" or "MM\/DD HH:MM:SS"/) },
      { line: 7, reason: 'record 000 has no "..." terminator before another record starts' },
      { line: 8, reason: 'record 000 has a body line 9 that is not indented' },
      { line: 13, reason: 'record 001 has no "..." terminator before the log ends' },
    ]);
  });

  it('streams: each line returns the records it completes', () => {
    const reader = new CondorEventReader({ year: 2020 });
    expect(reader.read('005 (9.0.0) 10/30 19:41:57 Job terminated.')).toEqual([]);
    expect(reader.read('\t(1) Normal termination (return value 0)')).toEqual([]);
    expect(reader.read('...')).toEqual([{ event: expect.objectContaining({ code: 5, cluster: 9, line: 1 }) }]);
    expect(reader.end()).toEqual([]);
  });
});

const SHARED = join(__dirname, '../../../../../shared/data/htcondor');
const present = existsSync(SHARED);
if (!present) console.warn(`HTCondor log tests skipped: ${SHARED} is absent (the shared real-data folder is not mounted)`);

(present ? describe : describe.skip)('parseCondorLog on the real logs of shared/data/htcondor', () => {
  const countOf = (events: Array<{ code: number }>, code: number) => events.filter((event) => event.code === code).length;

  it('reads the IceCube log whole: 60 submits, 10 memory-limit 007s, 10 holds with Code 21 Subcode 1001', () => {
    const { events, rejected } = parseCondorLog(readFileSync(join(SHARED, 'icecube-cosmicray-job.log'), 'utf8'), { year: 2020 });
    expect(rejected).toEqual([]);
    expect(events).toHaveLength(247);
    expect(countOf(events, 0)).toBe(60);
    expect(events.filter((event) => event.code === 7 && /Memory limit exceeded/.test(event.body[0]))).toHaveLength(10);
    const holds = events.filter((event) => event.code === 12);
    expect(holds).toHaveLength(10);
    expect(holds.every((hold) => hold.body.includes('Code 21 Subcode 1001'))).toBe(true);
    expect(countOf(events, 13)).toBe(0);
  });

  it('reads HTCondor’s reader test log whole: events 000–024, 48 holds, 43 releases', () => {
    const { events, rejected } = parseCondorLog(readFileSync(join(SHARED, 'htcondor-test-condor.log'), 'utf8'), { year: 2004 });
    expect(rejected).toEqual([]);
    expect(events).toHaveLength(851);
    expect(countOf(events, 12)).toBe(48);
    expect(countOf(events, 13)).toBe(43);
    expect(Math.max(...events.map((event) => event.code))).toBe(24);
  });
});
