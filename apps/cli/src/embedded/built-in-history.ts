import { access } from 'node:fs/promises';
import { generateHistory } from '@jobcast/features';
import { readJobStatusFile } from '@jobcast/scraper';
import { calcloudItems, recordedAtFromFileName } from '../import/calcloud-source';
import type { ImportItem } from '../import/import-item';
import type { HistoryChoice } from './history-choice';
import { InMemorySearchSource } from './in-memory-search-source';
import type { ProgressDisplay } from './progress-display';

/** The alias HySDS readers query; the in-memory index answers to the same name. */
const JOB_STATUS_ALIAS = 'job_status-current';

export interface BuiltInHistory {
  /** job_status documents for the scraper to read */
  readonly search: InMemorySearchSource;
  /** job runs that need no scraping (a calcloud export), or null */
  readonly directRuns: AsyncIterable<ImportItem> | null;
  /** documents a search index would refuse, with the first reason */
  readonly unindexable: { count: number; firstReason: string | null };
}

/** Builds the history the embedded mode starts from: generated, or read from the file `--history` names. */
export async function loadBuiltInHistory(choice: HistoryChoice, progress: ProgressDisplay): Promise<BuiltInHistory> {
  const search = new InMemorySearchSource(JOB_STATUS_ALIAS);
  const unindexable = { count: 0, firstReason: null as string | null };
  const index = (document: Record<string, unknown>) => {
    const refused = search.add(document);
    if (refused) {
      unindexable.count++;
      unindexable.firstReason ??= refused.reason;
    }
  };

  switch (choice.kind) {
    case 'synthetic': {
      let generated = 0;
      for (const document of generateHistory({ jobs: choice.jobs, seed: choice.seed })) {
        index(document as unknown as Record<string, unknown>);
        if (++generated % 5000 === 0) progress.update(`generating the synthetic history: ${generated.toLocaleString('en-US')} / ${choice.jobs.toLocaleString('en-US')} jobs`);
      }
      return { search, directRuns: null, unindexable };
    }
    case 'job-status-file': {
      await assertReadable(choice.path);
      let read = 0;
      for await (const entry of readJobStatusFile(choice.path)) {
        if (entry.ok) index(entry.document);
        else {
          unindexable.count++;
          unindexable.firstReason ??= `line ${entry.line ?? '?'}: ${entry.reason}`;
        }
        if (++read % 5000 === 0) progress.update(`reading ${choice.path}: ${read.toLocaleString('en-US')} documents`);
      }
      return { search, directRuns: null, unindexable };
    }
    case 'calcloud-csv': {
      await assertReadable(choice.path);
      // An export carries no job dates; its file name usually does (calcloud-2021-05-11.csv).
      const recordedAt = recordedAtFromFileName(choice.path) ?? new Date().toISOString();
      return { search, directRuns: calcloudItems(choice.path, recordedAt), unindexable };
    }
  }
}

async function assertReadable(path: string): Promise<void> {
  await access(path).catch(() => {
    throw new Error(`--history ${path}: no such readable file (give "synthetic", an .ndjson, .swf or calcloud .csv file)`);
  });
}
