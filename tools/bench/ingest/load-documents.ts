import { TERMINAL_JOB_STATUSES } from '@jobcast/contracts';
import { generateHistory } from '@jobcast/features';
import { JobStatusIndexWriter, type IndexTarget } from '@jobcast/scraper';

export interface LoadSummary {
  indexed: number;
  /** documents the scraper will pick up by default (terminal statuses) */
  terminal: number;
  seconds: number;
}

// Small enough that a bulk request (~3 MB) fits a busy engine's heap; its circuit breaker refuses ~13 MB ones.
const BULK_SIZE = 1_000;
const PARALLEL_BULKS = 2;
const MAX_ATTEMPTS = 6;

/**
 * Indexes `jobs` synthetic HySDS jobs (libs/features' generator: realistic job types, instances, queues, metrics,
 * odd timestamps) into the search engine, streaming so memory stays flat at any size.
 */
export async function loadSyntheticJobs(
  target: IndexTarget,
  jobs: number,
  onProgress: (indexed: number) => void,
  /** when given, receives the payload_id of every terminal document (what a complete ingestion must store) */
  terminalIds?: Set<string>,
  /** another seed and start give other jobs (new payload ids) in another submission window */
  history: { seed: number; start: string } = { seed: 42, start: '2026-09-01T00:00:00Z' },
): Promise<LoadSummary> {
  const writer = new JobStatusIndexWriter(target);
  const started = Date.now();
  const terminalStatuses = new Set<string>(TERMINAL_JOB_STATUSES);
  let indexed = 0;
  let terminal = 0;
  try {
    await writer.ensureIndex();
    const inFlight = new Set<Promise<void>>();
    let batch: Array<Record<string, unknown>> = [];
    const send = async (documents: Array<Record<string, unknown>>) => {
      const result = await indexRetryingWhenBusy(writer, documents);
      if (result.failed.length > 0) throw new Error(`the search engine refused ${result.failed.length} documents: ${result.failed[0].reason}`);
      indexed += result.indexed;
      onProgress(indexed);
    };
    for (const document of generateHistory({ jobs, seed: history.seed, start: history.start, days: 30 })) {
      if (terminalStatuses.has(document.status)) {
        terminal++;
        terminalIds?.add(document.payload_id);
      }
      batch.push(document as unknown as Record<string, unknown>);
      if (batch.length < BULK_SIZE) continue;
      const request = send(batch).finally(() => inFlight.delete(request));
      inFlight.add(request);
      batch = [];
      if (inFlight.size >= PARALLEL_BULKS) await Promise.race(inFlight);
    }
    await Promise.all([...inFlight, send(batch)]);
    await writer.refresh();
  } finally {
    await writer.close();
  }
  return { indexed, terminal, seconds: (Date.now() - started) / 1000 };
}

/** A bulk request, sent again (after a growing pause) while the engine's memory circuit breaker refuses it. */
async function indexRetryingWhenBusy(writer: JobStatusIndexWriter, documents: Array<Record<string, unknown>>) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await writer.index(documents);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !String((error as Error).message).includes('circuit_breaking_exception')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000 * attempt));
    }
  }
}
