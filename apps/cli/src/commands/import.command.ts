import { access, constants } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { parseLenientTimestamp } from '@jobcast/contracts';
import { createDatabase, KyselyJobRunRepository } from '@jobcast/db';
import { calcloudItems, recordedAtFromFileName } from '../import/calcloud-source';
import { condorLogYear } from '../import/condor-log-file';
import { condorItems } from '../import/condor-source';
import { readImportEnvironment } from '../import/import-config';
import type { ImportItem } from '../import/import-item';
import { type ImportSummary, runImport } from '../import/import-runner';
import { ndjsonJobStatusItems } from '../import/ndjson-source';
import { RejectsFile } from '../import/rejects-file';
import { swfItems } from '../import/swf-source';

interface ImportFlags {
  batchSize: number;
  rejects?: string;
}

interface CalcloudFlags extends ImportFlags {
  recordedAt?: string;
}

interface CondorFlags extends ImportFlags {
  year?: number;
}

const batchSize = (value: string): number => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 100_000) {
    throw new InvalidArgumentError('must be a whole number from 1 to 100000');
  }
  return number;
};

const isoDate = (value: string): string => {
  const iso = parseLenientTimestamp(value);
  if (iso === null) throw new InvalidArgumentError('must be a date, e.g. 2021-05-11 or 2021-05-11T00:00:00Z');
  return iso;
};

/**
 * `jobcast import calcloud|swf|condor|ndjson <file>`: reads a history file, normalizes it like the features service
 * does and upserts it into `job_runs` of DATABASE_URL (default: an embedded PGlite folder). Records that cannot be
 * stored go to `<file>.rejects.ndjson` with their reason; progress on stderr, a summary line on stdout.
 */
export function register(program: Command): void {
  const importCommand = program
    .command('import')
    .description('load job history from a file into job_runs (DATABASE_URL, default pglite://.jobcast/db)');

  withCommonOptions(
    importCommand
      .command('calcloud')
      .description('a calcloud training export (CSV: n_files, total_mb, …, wallclock, memory, ipst)')
      .argument('<csv>', 'the CSV file')
      .option('--recorded-at <date>', 'when the export was taken (default: the date in the file name)', isoDate),
  ).action(async (file: string, flags: CalcloudFlags) => {
    const recordedAt = flags.recordedAt ?? recordedAtFromFileName(file);
    if (!recordedAt) throw new Error(`${file} has no date in its name; say when it was exported with --recorded-at`);
    await importFile('calcloud', file, calcloudItems(file, recordedAt), flags);
  });

  withCommonOptions(
    importCommand
      .command('swf')
      .description('a Standard Workload Format trace (Parallel Workloads Archive)')
      .argument('<file>', 'the .swf file'),
  ).action(async (file: string, flags: ImportFlags) => importFile('swf', file, swfItems(file), flags));

  withCommonOptions(
    importCommand
      .command('condor')
      .description('an HTCondor job event log (the file of a submit description\'s `log =`)')
      .argument('<log>', 'the event log')
      .option('--year <n>', 'the year of legacy MM/DD dates, which carry none (default: the current year)', condorLogYear),
  ).action(async (file: string, flags: CondorFlags) => importFile('condor', file, condorItems(file, flags.year), flags));

  withCommonOptions(
    importCommand
      .command('ndjson')
      .description('HySDS job_status documents, one JSON object per line (search-engine hits are unwrapped)')
      .argument('<file>', 'the .ndjson file'),
  ).action(async (file: string, flags: ImportFlags) => importFile('ndjson', file, ndjsonJobStatusItems(file), flags));
}

function withCommonOptions(command: Command): Command {
  return command
    .option('--batch-size <n>', 'records per database write', batchSize, 1000)
    .option('--rejects <file>', 'where records that cannot be stored go (default: <file>.rejects.ndjson)');
}

async function importFile(kind: string, file: string, items: AsyncIterable<ImportItem>, flags: ImportFlags): Promise<void> {
  const { DATABASE_URL } = readImportEnvironment();
  await access(file, constants.R_OK).catch(() => {
    throw new Error(`cannot read ${file}`);
  });
  const database = await createDatabase({ url: DATABASE_URL });
  try {
    await database.migrateToLatest();
    const rejects = await RejectsFile.open(flags.rejects ?? `${file}.rejects.ndjson`);
    let summary: ImportSummary;
    try {
      summary = await runImport(items, new KyselyJobRunRepository(database.db), rejects, {
        batchSize: flags.batchSize,
        onProgress: (progress) => console.error(`jobcast import ${kind}: ${describe(progress)}`),
      });
    } finally {
      await rejects.close();
    }
    const rejectsNote = summary.rejected > 0 ? ` (reasons in ${rejects.path})` : '';
    console.log(`imported ${kind} ${file} into ${database.engine}: ${describe(summary)}${rejectsNote}`);
  } finally {
    await database.close();
  }
}

function describe({ read, stored, stale, rejected, seconds }: ImportSummary): string {
  const rate = seconds > 0 ? Math.round(read / seconds) : read;
  const count = (value: number) => value.toLocaleString('en-US');
  return (
    `${count(read)} read, ${count(stored)} stored, ${count(stale)} superseded by a newer status of the same job, ` +
    `${count(rejected)} rejected in ${seconds.toFixed(1)} s (${count(rate)} records/s)`
  );
}
