import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runScenario } from './scenario-world';

/**
 * Kafka unreachable for 30 s while the scraper tails and jobs keep finishing: the scraper's publish retries with
 * backoff (its cursor does not move), the features consumer waits, and once Kafka is back everything catches up,
 * nothing lost. Runs a PRIVATE Kafka (its own state folder and ports through tools/stack) so stopping it does not
 * disturb anyone else using the shared one.
 *
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/scenarios/kafka-outage.ts --jobs 20000
 */
const { values } = parseArgs({ options: { jobs: { type: 'string', default: '20000' }, 'outage-seconds': { type: 'string', default: '30' } } });
const STACK = join(__dirname, '../stack');
const PORT = 29092;
const privateKafka = {
  ...process.env,
  JOBCAST_STACK_DIR: '/tmp/jobcast-scenario-kafka',
  JOBCAST_KAFKA_PORT: String(PORT),
  JOBCAST_KAFKA_CONTROLLER_PORT: String(PORT + 1),
};
const stack = (command: 'up' | 'down') => execFileSync(STACK, [command, 'kafka'], { env: privateKafka, stdio: 'inherit' });

stack('up');
process.env['KAFKA_BROKERS'] = `127.0.0.1:${PORT}`;

void runScenario(
  'kafka-outage',
  async (world) => {
    const jobs = Number(values.jobs);
    await world.load(Math.floor(jobs / 2));
    await world.start('features');
    await world.start('scraper', { SCRAPER_MODE: 'tail', SCRAPER_POLL_SECONDS: '1', SCRAPER_QUEUED_SNAPSHOT_SECONDS: '0' });
    await world.waitFor('the first half is stored', async () => (await world.storedRows()) >= world.expected.size);

    world.say(`stopping Kafka for ${values['outage-seconds']} s while the second half is indexed live`);
    stack('down');
    await world.loadLive(jobs - Math.floor(jobs / 2), { seed: 2, start: '2026-10-05T00:00:00Z' });
    await new Promise((resolve) => setTimeout(resolve, Number(values['outage-seconds']) * 1000));
    stack('up');
    world.say('Kafka is back');

    await world.waitFor('every job is stored', async () => (await world.storedRows()) >= world.expected.size, 10 * 60_000).catch((error: Error) => world.say(error.message));
    await world.waitFor('the features group drained the topic', async () => (await world.featuresLag()) === 0, 60_000);
    return world.verify();
  },
).finally(() => stack('down'));
