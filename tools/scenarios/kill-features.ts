import { parseArgs } from 'node:util';
import { runScenario } from './scenario-world';

/**
 * SIGKILL the features service in the middle of a backfill, start it again: no job missing, none duplicated.
 * (Offsets are committed only after a batch is stored; the upsert makes the redelivered batch harmless.)
 *
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/scenarios/kill-features.ts --jobs 100000
 */
const { values } = parseArgs({ options: { jobs: { type: 'string', default: '100000' } } });

void runScenario('kill-features', async (world) => {
  await world.load(Number(values.jobs));
  const features = await world.start('features');
  const scraper = await world.start('scraper');
  const killAt = Math.floor(world.expected.size / 3);
  await world.waitFor(`a third of the jobs is stored (${killAt})`, async () => (await world.storedRows()) >= killAt);
  features.kill('SIGKILL');
  await features.exited;
  world.say(`SIGKILLed features with ${await world.storedRows()} rows stored`);
  await world.start('features');
  await scraper.exited;
  await world.waitFor('the features group drained the topic', async () => (await world.featuresLag()) === 0);
  return world.verify();
});
