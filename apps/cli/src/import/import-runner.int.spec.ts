import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type JobcastDatabase, KyselyJobRunRepository } from '@jobcast/db';
import { calcloudItems } from './calcloud-source';
import { condorItems } from './condor-source';
import { runImport } from './import-runner';
import { ndjsonJobStatusItems } from './ndjson-source';
import { RejectsFile } from './rejects-file';
import { swfItems } from './swf-source';

// Importers end to end on the embedded PGlite: file → normalization → job_runs, rejects to their file.
describe('runImport', () => {
  let folder: string;
  let database: JobcastDatabase;
  let repository: KyselyJobRunRepository;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'jobcast-import-'));
    database = await createDatabase({ url: 'pglite://memory' });
    await database.migrateToLatest();
    repository = new KyselyJobRunRepository(database.db);
  });

  afterAll(async () => {
    await database?.close();
    await rm(folder, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await database.db.deleteFrom('job_runs').execute();
  });

  async function importFile(name: string, content: string, read: (file: string) => AsyncIterable<any>, batchSize = 2) {
    const file = join(folder, name);
    await writeFile(file, content);
    const rejects = await RejectsFile.open(`${file}.rejects.ndjson`);
    const summary = await runImport(read(file), repository, rejects, { batchSize });
    await rejects.close();
    const rejected = rejects.count === 0 ? [] : (await readFile(rejects.path, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    return { summary, rejected };
  }

  const document = (payloadId: string, status: string, timestamp: string) => ({
    payload_id: payloadId,
    type: 'job-hello:1',
    status,
    '@timestamp': timestamp,
    job: { job_info: { time_queued: '2024-05-01T12:00:00Z' } },
  });

  it('imports job_status documents: the last status wins, garbage goes to the rejects file', async () => {
    const lines = [
      JSON.stringify(document('p-1', 'job-queued', '2024-05-01T12:00:00Z')),
      JSON.stringify(document('p-1', 'job-completed', '2024-05-01T12:05:00Z')),
      '',
      '{not json',
      JSON.stringify({ _id: 'p-2', _source: document('p-2', 'job-failed', '2024-05-01T12:06:00+00:00Z') }),
      JSON.stringify(document('p-1', 'job-started', '2024-05-01T12:01:00Z')),
      JSON.stringify({ payload_id: 'p-3', status: 'job-completed' }),
    ];
    const { summary, rejected } = await importFile('docs.ndjson', lines.join('\n'), ndjsonJobStatusItems);

    expect(summary).toMatchObject({ read: 6, stored: 2, stale: 2, rejected: 2 });
    expect(await repository.count()).toBe(2);
    expect((await repository.findByPayloadId('p-1'))?.status).toBe('job-completed');
    expect((await repository.findByPayloadId('p-2'))?.updatedAt).toBe('2024-05-01T12:06:00.000Z');
    expect(rejected).toEqual([
      { line: 4, reason: expect.stringContaining('not JSON'), record: '{not json' },
      { line: 7, reason: expect.stringContaining('@timestamp'), record: { payload_id: 'p-3', status: 'job-completed' } },
    ]);
  });

  it('imports a calcloud export, rejecting rows with bad cells', async () => {
    const csv = [
      'n_files,total_mb,drizcorr,pctecorr,crsplit,subarray,detector,dtype,instr,wallclock,memory,ipst',
      '7.0,105.0,1,1,2,0,1,1,3,3419.0,3.56,ia2l51030',
      '2.0,35.0,0,1,2,0,1,0,3,937.0,1.02,iaa301ibq',
      '2.0,35.0,0,1,2,0,1,0,3,oops,1.02,iaa301icq',
      '2.0,35.0,0,1',
    ].join('\n');
    const { summary, rejected } = await importFile('calcloud-2021-05-11.csv', csv, (file) =>
      calcloudItems(file, '2021-05-11T00:00:00.000Z'),
    );
    expect(summary).toMatchObject({ read: 4, stored: 2, stale: 0, rejected: 2 });
    expect(await repository.count({ source: 'calcloud', jobType: 'job-hst_calibration:wfc3' })).toBe(2);
    expect(rejected.map((reject: { line: number; reason: string }) => [reject.line, reject.reason])).toEqual([
      [4, expect.stringContaining('wallclock: not a number')],
      [5, 'expected 12 fields, found 4'],
    ]);
  });

  it('stops before writing when a CSV is not a calcloud export', async () => {
    await expect(importFile('other.csv', 'a,b\n1,2\n', (file) => calcloudItems(file, '2021-05-11T00:00:00.000Z'))).rejects.toThrow(
      'not a calcloud export: no column ipst',
    );
    expect(await repository.count()).toBe(0);
  });

  it('imports an SWF trace, rejecting lines the parser refuses', async () => {
    const swf = [
      '; UnixStartTime: 1027839845',
      '; Partition:  1 DEFAULT',
      '    1        0 308434  31405   30  31405    -1   30  37980    -1  1   1   1  -1 -1  1 -1 -1',
      '    2        8     10     20    2     20    -1    2     60    -1  1   3   1  -1 -1  1 -1 -1',
      '    3 not a job line',
    ].join('\n');
    const { summary, rejected } = await importFile('trace.swf', swf, swfItems);
    expect(summary).toMatchObject({ read: 3, stored: 2, rejected: 1 });
    expect(await repository.count({ source: 'swf' })).toBe(2);
    expect(rejected).toEqual([{ line: 5, reason: expect.stringContaining('expected 18 fields'), record: null }]);
  });

  it('imports an HTCondor event log, rejecting malformed records and records of no job', async () => {
    const log = [
      '000 (12.0.000) 10/30 17:31:02 Job submitted from host: <10.128.11.86:24462?addrs=10.128.11.86-24462>',
      '...',
      '000 (12.1.000) 10/30 17:31:02 Job submitted from host: <10.128.11.86:24462?addrs=10.128.11.86-24462>',
      '...',
      '001 (12.0.000) 10/30 17:33:56 Job executing on host: <10.128.10.69:56487>',
      '...',
      '005 (12.0.000) 10/30 19:41:57 Job terminated.',
      '\t(1) Normal termination (return value 0)',
      '...',
      '012 (-01.-01.-01) 05/22 18:28:20 Job was held.',
      '...',
      '001 (12.1.000) 13/40 17:33:56 Job executing on host: <10.128.10.69:56487>',
      '...',
    ].join('\n');
    const { summary, rejected } = await importFile('job.log', log, (file) => condorItems(file, 2020));
    expect(summary).toMatchObject({ read: 4, stored: 2, rejected: 2 });
    const stored = await database.db.selectFrom('job_runs').select(['payload_id', 'status']).orderBy('payload_id').execute();
    expect(stored).toEqual([
      { payload_id: 'condor:12.0@10.128.11.86:24462', status: 'job-completed' },
      { payload_id: 'condor:12.1@10.128.11.86:24462', status: 'job-queued' },
    ]);
    expect(rejected).toEqual([
      { line: 10, reason: 'record 012 belongs to no job (id -1.-1.-1)', record: expect.objectContaining({ code: 12 }) },
      { line: 12, reason: 'impossible date "13/40 17:33:56"', record: null },
    ]);
  });
});
