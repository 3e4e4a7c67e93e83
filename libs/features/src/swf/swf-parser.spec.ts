import { parseSwf } from './swf-parser';

const trace = [
  '; Version: 2.2',
  '; UnixStartTime: 1027839845',
  '; MaxProcs: 240',
  '; MaxNodes: 120',
  '; Queue:  1 [fque:1] ',
  '; Partition:  1 DEFAULT ',
  ';',
  '    1        0 308434  31405   30  31405    -1   30  37980    -1  1   1   1  -1 -1  1 -1 -1',
  '   12   342343      5    553   40 552.21    -1   40  43200    -1  1   4   1  -1 -1  1 -1 -1',
  '',
  '   16   347726      5     -1    8 240379    -1    8 345600    -1 -1   5   1  -1 -1  1 -1 -1',
].join('\n');

describe('parseSwf', () => {
  it('reads the header fields and names', () => {
    const { header } = parseSwf(trace);
    expect(header.unixStartTime).toBe(1027839845);
    expect(header.maxProcs).toBe(240);
    expect(header.maxNodes).toBe(120);
    expect(header.queues.get(1)).toBe('[fque:1]');
    expect(header.partitions.get(1)).toBe('DEFAULT');
    expect(header.fields['Version']).toBe('2.2');
  });

  it('reads every job line with -1 as unknown', () => {
    const { jobs, rejected } = parseSwf(trace);
    expect(rejected).toEqual([]);
    expect(jobs.map((job) => job.jobNumber)).toEqual([1, 12, 16]);
    expect(jobs[1]).toMatchObject({ submitTime: 342343, waitTime: 5, runTime: 553, averageCpuTime: 552.21 });
    expect(jobs[2]).toMatchObject({ runTime: null, status: null, userId: 5, executableId: null, requestedTime: 345600 });
  });

  it('reports bad lines with their number and reason instead of dropping them', () => {
    const { jobs, rejected } = parseSwf(`${trace}\n 17 1 2 3\n 18 abc 0 1 1 1 -1 1 60 -1 1 1 1 -1 -1 1 -1 -1`);
    expect(jobs).toHaveLength(3);
    expect(rejected).toEqual([
      { line: 12, reason: 'expected 18 fields, found 4' },
      { line: 13, reason: 'field 2 is not a number: "abc"' },
    ]);
  });
});
