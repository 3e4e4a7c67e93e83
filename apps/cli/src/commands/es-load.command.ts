import { access, constants } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { JobStatusIndexWriter, readJobStatusFile } from '@jobcast/scraper';
import { z } from 'zod';

interface EsLoadFlags {
  engine?: 'elasticsearch' | 'opensearch';
  index: string;
  batchSize: number;
}

const SearchEnvironment = z.object({
  SCRAPER_ENGINE: z.enum(['elasticsearch', 'opensearch']).default('elasticsearch'),
  ELASTICSEARCH_URL: z.url().optional(),
  OPENSEARCH_URL: z.url().optional(),
});

const MAX_REPORTED_FAILURES = 20;

/**
 * `jobcast es-load <ndjson|swf>`: bulk-indexes job_status documents into Elasticsearch or OpenSearch (ELASTICSEARCH_URL
 * / OPENSEARCH_URL, the variables the scraper reads), `_id` = payload_id, so a history file can run through the whole
 * pipeline. SWF jobs are converted into job_status documents. Prints a summary; refused documents with their reason.
 */
export function register(program: Command): void {
  program
    .command('es-load')
    .description('bulk-index job_status documents (NDJSON, or an SWF trace converted) into Elasticsearch/OpenSearch')
    .argument('<file>', '.ndjson of job_status documents, or a .swf trace')
    .addOption(new Option('--engine <engine>', 'search engine (default: SCRAPER_ENGINE, else elasticsearch)').choices(['elasticsearch', 'opensearch']))
    .option('--index <name>', 'index or alias; created with the job_status mapping when missing', 'job_status-current')
    .option('--batch-size <n>', 'documents per bulk request', positiveInteger, 1000)
    .action(async (file: string, flags: EsLoadFlags) => esLoad(file, flags));
}

async function esLoad(file: string, flags: EsLoadFlags): Promise<void> {
  const environment = SearchEnvironment.safeParse(process.env);
  if (!environment.success) {
    const issue = environment.error.issues[0];
    throw new Error(`invalid ${issue.path.join('.')}: ${issue.message}`);
  }
  const engine = flags.engine ?? environment.data.SCRAPER_ENGINE;
  const urlVariable = engine === 'elasticsearch' ? 'ELASTICSEARCH_URL' : 'OPENSEARCH_URL';
  const url = environment.data[urlVariable];
  if (!url) throw new Error(`${urlVariable} is required to load into ${engine} (eval "$(tools/stack env)")`);
  await access(file, constants.R_OK).catch(() => {
    throw new Error(`cannot read ${file}`);
  });

  const writer = new JobStatusIndexWriter({ engine, url, index: flags.index });
  const started = Date.now();
  let indexed = 0;
  const failures: Array<{ where: string; reason: string }> = [];
  try {
    if (await writer.ensureIndex()) console.error(`jobcast es-load: created index ${flags.index}`);
    let batch: Array<Record<string, unknown>> = [];
    const flush = async () => {
      const result = await writer.index(batch);
      indexed += result.indexed;
      failures.push(...result.failed.map((failure) => ({ where: `document ${failure.id ?? '(no id)'}`, reason: failure.reason })));
      batch = [];
    };
    for await (const entry of readJobStatusFile(file)) {
      if (!entry.ok) {
        failures.push({ where: entry.line === null ? 'a record' : `line ${entry.line}`, reason: entry.reason });
        continue;
      }
      batch.push(entry.document);
      if (batch.length >= flags.batchSize) await flush();
    }
    await flush();
    await writer.refresh();
  } finally {
    await writer.close();
  }

  for (const failure of failures.slice(0, MAX_REPORTED_FAILURES)) console.error(`jobcast es-load: ${failure.where}: ${failure.reason}`);
  if (failures.length > MAX_REPORTED_FAILURES) console.error(`jobcast es-load: … and ${failures.length - MAX_REPORTED_FAILURES} more refused`);
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `loaded ${file} into ${engine} ${flags.index}: ${indexed.toLocaleString('en-US')} indexed, ` +
      `${failures.length.toLocaleString('en-US')} refused in ${seconds.toFixed(1)} s`,
  );
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 100_000) throw new Error('--batch-size must be a whole number from 1 to 100000');
  return number;
}
