/**
 * The features stage without Kafka (the end-to-end pipeline benchmark is tools/bench/ingest): realistic HySDS
 * job_status documents (the synthetic history, encoded as the job-status messages the features service receives) →
 * decodeJobStatusMessage + normalizeJobStatus → upsertMany in batches, the raw text stored as it travelled. Prints documents per second for each stage so the bottleneck is visible, then a replay of the same
 * batches (what a redelivery after a crash costs), and the process's peak memory.
 *
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/bench/job-runs/normalize-and-store.bench.ts \
 *     [--docs 100000] [--batch 1000] [--url postgres://…|pglite://memory]
 *
 * The database is DATABASE_URL (else --url, else pglite://memory); the run works in a schema of its own, dropped at
 * the end. Single process, single connection in flight, like one features consumer.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { sql } from 'kysely';
import { decodeJobStatusMessage, encodeJobStatusMessage } from '@jobcast/contracts';
import { createDatabase, KyselyJobRunRepository, type JobRunRecord } from '@jobcast/db';
import { generateHistory, normalizeJobStatus } from '@jobcast/features';

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

const documents = Number(argument('--docs', '100000'));
const batchSize = Number(argument('--batch', '1000'));
const url = process.env['DATABASE_URL'] || argument('--url', 'pglite://memory');

interface Mark {
  wall: bigint;
  cpu: NodeJS.CpuUsage;
}

const mark = (): Mark => ({ wall: process.hrtime.bigint(), cpu: process.cpuUsage() });

/**
 * Documents per wall-clock second, and per CPU second of this process: on a shared machine the wall figure moves
 * with everyone else's load, the CPU figure much less (it excludes the database server's own work).
 */
function rate(count: number, since: Mark): string {
  const seconds = Number(process.hrtime.bigint() - since.wall) / 1e9;
  const cpu = process.cpuUsage(since.cpu);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const perSecond = (value: number) => Math.round(value).toLocaleString('en-US').padStart(8);
  return `${perSecond(count / seconds)} docs/s wall (${seconds.toFixed(1)} s), ${perSecond(count / cpuSeconds)} docs per CPU-second`;
}

async function main(): Promise<void> {
  const messages: Buffer[] = [];
  const scrapedAt = new Date().toISOString();
  for (const document of generateHistory({ jobs: documents, seed: 11 })) {
    const origin = { engine: 'elasticsearch' as const, index: 'job_status-current', documentId: document.payload_id };
    const { value } = encodeJobStatusMessage({ origin, scrapedAt, document: document as unknown as Record<string, unknown> });
    messages.push(Buffer.from(value));
  }
  const bytes = messages.reduce((total, message) => total + message.length, 0);
  console.log(`${messages.length.toLocaleString('en-US')} documents, ${Math.round(bytes / messages.length)} bytes on average; database ${url.replace(/\/\/[^@]*@/, '//…@')}`);

  let started = mark();
  const records: JobRunRecord[] = [];
  let rejected = 0;
  for (const message of messages) {
    const decoded = decodeJobStatusMessage(message);
    const result = decoded.ok ? normalizeJobStatus(decoded.envelope.document) : null;
    if (decoded.ok && result?.ok) records.push({ run: result.run, raw: decoded.envelope.document, rawJson: decoded.documentJson });
    else rejected++;
  }
  console.log(`decode + normalize ${rate(messages.length, started)}  rejected ${rejected}`);

  const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const database = await createDatabase({ url, schema, maxConnections: 2 });
  try {
    await database.migrateToLatest();
    const repository = new KyselyJobRunRepository(database.db);
    for (const label of ['upsert (new rows)', 'upsert (replay)  ']) {
      started = mark();
      let written = 0;
      for (let start = 0; start < records.length; start += batchSize) {
        written += (await repository.upsertMany(records.slice(start, start + batchSize))).written;
      }
      console.log(`${label}  ${rate(records.length, started)}  written ${written}, batch ${batchSize}`);
    }
    started = mark();
    let read = 0;
    for await (const page of repository.findForTraining()) read += page.length;
    console.log(`findForTraining    ${rate(read, started)}`);
  } finally {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(database.db);
    await database.close();
  }
  console.log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
