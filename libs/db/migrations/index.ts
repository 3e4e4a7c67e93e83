import type { Migration } from 'kysely/migration';
import * as jobRuns from './2026_11_21_001_job_runs';
import * as scrapeCursors from './2026_11_21_010_scrape_cursors';
import * as trainingRuns from './2026_11_21_020_a_training_runs';
import * as modelRegistry from './2026_11_21_020_b_model_registry';
import * as jobRunsRawLz4 from './2026_11_22_001_job_runs_raw_lz4';

/**
 * Every migration, by name; Kysely's Migrator runs them in name order, the same files on PostgreSQL and PGlite.
 * Add yours with one line: `'<yyyy_mm_dd_nnn_name>': <import>,`.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_21_001_job_runs': jobRuns,
  '2026_11_21_010_scrape_cursors': scrapeCursors,
  '2026_11_21_020_a_training_runs': trainingRuns,
  '2026_11_21_020_b_model_registry': modelRegistry,
  '2026_11_22_001_job_runs_raw_lz4': jobRunsRawLz4,
};
