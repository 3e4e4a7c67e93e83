import { parseArgs } from 'node:util';
import { runScenario } from './scenario-world';

/**
 * SIGKILL the scraper in the middle of a backfill, start it again: it resumes from its stored cursor (advanced only
 * after Kafka acknowledged a page), so no job is missing; a page published but not yet recorded is published again
 * and absorbed by the idempotent upsert, so none is duplicated.
 *
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/scenarios/kill-scraper.ts --jobs 100000
 */
const { values } = parseArgs({ options: { jobs: { type: 'string', default: '100000' } } });

void runScenario('kill-scraper', async (world) => {
  await world.load(Number(values.jobs));
  await world.start('features');
  const scraper = await world.start('scraper');
  const killAt = Math.floor(world.expected.size / 3);
  await world.waitFor(`a third of the jobs is published (${killAt})`, async () => {
    const metrics = await scraper.metrics();
    return (metrics?.get('jobcast_scraper_documents_published_total') ?? 0) >= killAt;
  });
  scraper.kill('SIGKILL');
  await scraper.exited;
  world.say(`SIGKILLed the scraper with ${await world.storedRows()} rows stored`);
  const restarted = await world.start('scraper');
  const exitCode = await restarted.exited;
  world.say(`restarted scraper finished its backfill (exit code ${exitCode})`);
  await world.waitFor('the features group drained the topic', async () => (await world.featuresLag()) === 0);
  return world.verify();
});
