import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { freePort } from '@jobcast/testing';

const repositoryRoot = join(__dirname, '../../../..');
const startupTimeoutMs = 300_000;

/**
 * `npm start` exactly as a newcomer runs it (smaller history so the suite stays quick): it must train, serve, print
 * working examples, answer the SOAMC and /v1 routes, and stop cleanly on Ctrl-C.
 */
describe('npm start (embedded mode)', () => {
  let child: ChildProcess;
  let closed: Promise<unknown>;
  let stdout = '';
  let stderr = '';
  let httpPort: number;

  beforeAll(async () => {
    httpPort = await freePort();
    const grpcPort = await freePort();
    // Its own process group, so a Ctrl-C reaches npm and jobcast alike, as in a terminal.
    child = spawn('npm', ['start', '--', '--jobs', '4000', '--port', String(httpPort), '--grpc-port', String(grpcPort)], {
      cwd: repositoryRoot,
      detached: true,
      env: { ...process.env, PORT: '', GRPC_PORT: '' },
    });
    closed = once(child, 'close');
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const deadline = Date.now() + startupTimeoutMs;
    while (!/ready in [\d.]+ s/.test(stderr) || !stdout.includes('/v1/predict')) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${stderr}`);
      if (Date.now() > deadline) throw new Error(`npm start was not ready after ${startupTimeoutMs / 1000} s:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }, startupTimeoutMs + 10_000);

  afterAll(() => {
    // Only when a test failed before Ctrl-C: nothing of the group may outlive the suite.
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // the group is already gone
      }
    }
  });

  it('accounts for every indexed document: stored, dead-lettered, or not read (still running)', () => {
    const figure = (pattern: RegExp) => Number((pattern.exec(stderr)?.[1] ?? '0').replace(/,/g, ''));
    const indexed = figure(/history ready: ([\d,]+) job_status documents/);
    const stored = figure(/ingested: ([\d,]+) job runs/);
    expect(indexed).toBeGreaterThan(0);
    expect(stored).toBeGreaterThan(0);
    expect(stored + figure(/, ([\d,]+) dead-lettered/) + figure(/; ([\d,]+) not read/)).toBe(indexed);
  });

  it('answers GET /runtime for a job type and instance from the printed example', async () => {
    const example = /curl '(http:\/\/[^']+\/runtime\?[^']+)'/.exec(stdout);
    expect(example).not.toBeNull();
    const url = new URL(example![1]);
    expect(url.port).toBe(String(httpPort));
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    expect(body['name']).toBe(url.searchParams.get('jobtype'));
    expect(body['units']).toBe('seconds');
    expect(Number(body['mean'])).toBeGreaterThan(0);
  });

  it('answers POST /v1/predict for the printed job', async () => {
    const example = /curl -X POST (\S+\/v1\/predict) -H 'content-type: application\/json' -d '(\{"jobType"[^']+)'/.exec(stdout);
    expect(example).not.toBeNull();
    const response = await fetch(example![1], { method: 'POST', headers: { 'content-type': 'application/json' }, body: example![2] });
    expect(response.status).toBe(200);
    const prediction = (await response.json()) as { jobType: string; runtime: { p50: number } };
    expect(prediction.jobType).toBe(JSON.parse(example![2]).jobType);
    expect(prediction.runtime.p50).toBeGreaterThan(0);
  });

  it('stops cleanly on Ctrl-C', async () => {
    process.kill(-child.pid!, 'SIGINT');
    // npm itself dies of the SIGINT; what matters is that jobcast closes its servers and says so without error.
    const deadline = Date.now() + 60_000;
    while (await answers(`http://127.0.0.1:${httpPort}/health`)) {
      if (Date.now() > deadline) throw new Error('still serving 60 s after Ctrl-C');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await closed;
    expect(stderr).toContain('SIGINT: stopping');
    expect(stderr).not.toContain('error while stopping');
  }, 70_000);
});

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}
