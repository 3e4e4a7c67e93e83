import { setTimeout as sleep } from 'node:timers/promises';
import { Topics } from '@jobcast/contracts';
import type { JobRunRepository } from '@jobcast/db';
import { JobStatusConsumer } from '@jobcast/features-app';
import type { MessageBus } from '@jobcast/messaging';
import { ScraperRunner, ScraperStatus } from '@jobcast/scraper';
import type { INestApplicationContext } from '@nestjs/common';
import { FEATURES_GROUP } from './embedded-adapters';
import type { ProgressDisplay } from './progress-display';

// Counting job_runs shares PGlite's single connection with the upserts: look once a second.
const POLL_MS = 1000;

export interface IngestionOutcome {
  /** rows in job_runs once the history drained */
  readonly rows: number;
  readonly deadLettered: number;
}

/**
 * Runs the distributed pipeline in-process: the scraper pages through the built-in index onto the bus, the features
 * module normalizes and upserts into job_runs. Done when the scraper has caught up (including its snapshot of the
 * queue) and the features group has committed everything on the topic.
 */
export async function ingestHistory(
  app: INestApplicationContext,
  bus: MessageBus,
  jobRuns: JobRunRepository,
  progress: ProgressDisplay,
): Promise<IngestionOutcome> {
  await app.get(JobStatusConsumer).start();
  const scraping = app.get(ScraperRunner).start();
  const status = app.get(ScraperStatus);
  let failure: unknown = null;
  scraping.catch((error: unknown) => (failure = error));

  for (;;) {
    if (failure !== null) throw new Error(`the scraper stopped: ${failure instanceof Error ? failure.message : String(failure)}`);
    const drained = status.lastCaughtUpAt !== null && (await bus.lag(Topics.jobStatus, FEATURES_GROUP)) === 0;
    const rows = await jobRuns.count();
    if (drained) {
      // Nobody consumes the dead-letter topic here, so its whole length is what was refused.
      const deadLettered = await bus.lag(Topics.jobStatusDeadLetter, 'jobcast-embedded-report');
      return { rows, deadLettered };
    }
    progress.update(`ingesting through scraper → bus → features → PGlite: ${rows.toLocaleString('en-US')} job runs stored`);
    await sleep(POLL_MS);
  }
}
