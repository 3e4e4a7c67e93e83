import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { generateHistory, parseHistoryOptions } from '@jobcast/features';
import { positiveNumber, wholeNumber } from './option-parsers';

interface GenerateFlags {
  jobs: number;
  out: string;
  seed: number;
  days: number;
  start?: string;
  withUpdates: boolean;
}


/** Lines are written in chunks: one write per document would make the stream, not the generator, the bottleneck. */
const documentsPerChunk = 512;
const progressIntervalMs = 1000;

/**
 * `jobcast generate --jobs N --out file.ndjson`: writes a synthetic HySDS history (one job_status document per line)
 * for tests, benchmarks and the embedded mode. Progress on stderr, a summary line on stdout.
 */
export function register(program: Command): void {
  program
    .command('generate')
    .description('write a synthetic HySDS job history as NDJSON job_status documents')
    .requiredOption('--jobs <n>', 'number of jobs', wholeNumber)
    .requiredOption('--out <file>', 'NDJSON file to write')
    .option('--seed <s>', 'seed; the same seed gives the same history', wholeNumber, 1)
    .option('--days <d>', 'length of the submission window in days', positiveNumber, 30)
    .option('--start <date>', 'when the submission window opens (default 2026-09-01T00:00:00Z)')
    .option('--with-updates', "also write each job's earlier states (queued, started, failed attempts)", false)
    .action(async (flags: GenerateFlags) => {
      const options = parseHistoryOptions({
        jobs: flags.jobs,
        seed: flags.seed,
        days: flags.days,
        withUpdates: flags.withUpdates,
        ...(flags.start === undefined ? {} : { start: flags.start }),
      });
      const startedAt = Date.now();
      const progress = new Progress(options.jobs);
      const out = createWriteStream(flags.out);
      let written = 0;
      const chunks = ndjsonChunks(generateHistory(options), (documents) => {
        written = documents;
        progress.update(documents);
      });
      // pipeline: backpressure from the file, and a write error (disk full, bad path) rejects instead of crashing.
      await pipeline(Readable.from(chunks), out);
      progress.done();
      const seconds = (Date.now() - startedAt) / 1000;
      console.log(
        `jobcast: wrote ${written.toLocaleString('en-US')} documents of ${options.jobs.toLocaleString('en-US')} jobs to ${flags.out} ` +
          `in ${seconds.toFixed(1)} s (${Math.round(written / seconds).toLocaleString('en-US')} documents/s, ` +
          `${(out.bytesWritten / 1024 ** 2).toFixed(0)} MiB)`,
      );
    });
}

/** NDJSON text in chunks of lines, reporting how many documents have been serialized so far. */
function* ndjsonChunks(documents: Iterable<unknown>, onProgress: (serialized: number) => void): Generator<string> {
  let serialized = 0;
  let lines: string[] = [];
  for (const document of documents) {
    lines.push(JSON.stringify(document));
    serialized++;
    if (lines.length === documentsPerChunk) {
      yield `${lines.join('\n')}\n`;
      lines = [];
      onProgress(serialized);
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
  onProgress(serialized);
}

/** A progress line on stderr at most once a second (documents outnumber jobs when earlier states are written). */
class Progress {
  private readonly startedAt = Date.now();
  private lastPrintAt = 0;
  private printed = false;

  constructor(private readonly jobs: number) {}

  update(documents: number): void {
    const now = Date.now();
    if (now - this.lastPrintAt < progressIntervalMs) return;
    this.lastPrintAt = now;
    this.printed = true;
    const rate = documents / Math.max(0.001, (now - this.startedAt) / 1000);
    const line = `generating: ${documents.toLocaleString('en-US')} documents (${this.jobs.toLocaleString('en-US')} jobs), ${Math.round(rate).toLocaleString('en-US')} documents/s`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  }

  done(): void {
    if (this.printed && process.stderr.isTTY) process.stderr.write('\n');
  }
}
