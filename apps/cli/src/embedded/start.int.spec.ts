import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

const repositoryRoot = join(__dirname, '../../../..');
const startupTimeoutMs = 300_000;

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * `npm start` exactly as a newcomer runs it (smaller history so the suite stays quick): it must train, serve, print
 * working examples, answer the SOAMC and /v1 routes, and stop cleanly on Ctrl-C.
 */
describe('npm start (embedded mode)', () => {
  let child: ChildProcess;
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
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const deadline = Date.now() + startupTimeoutMs;
    while (!/ready in [\d.]+ s/.test(stderr) || !stdout.includes('/v1/predict')) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${stderr}`);
      if (Date.now() > deadline) throw new Error(`npm start was not ready after ${startupTimeoutMs / 1000} s:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }, startupTimeoutMs + 10_000);

  afterAll(async () => {
    if (child?.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
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
    const exited = once(child, 'exit');
    process.kill(-child.pid!, 'SIGINT');
    const [code] = await Promise.race([exited, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('did not stop within 60 s')), 60_000))]);
    expect(code).toBe(0);
    expect(stderr).toContain('SIGINT: stopping');
  }, 70_000);
});
