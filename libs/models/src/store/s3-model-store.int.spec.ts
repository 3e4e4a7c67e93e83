import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { freePort } from '@jobcast/testing';
import { checksumTree } from '../training/checksums';
import { S3ModelStore } from './s3-model-store';
import { verifyArtifacts } from './verify-artifacts';

// A real S3-compatible HTTP server: moto's standalone server (`pip install "moto[server]"`).
const motoAvailable = spawnSync('moto_server', ['--help'], { stdio: 'ignore' }).status === 0;
const describeWithS3 = motoAvailable ? describe : describe.skip;
if (!motoAvailable) console.warn('S3ModelStore suite skipped: moto_server is not installed (pip install "moto[server]")');

describeWithS3('S3ModelStore against an S3-compatible server', () => {
  let server: ChildProcess;
  let endpoint: string;
  let dir: string;
  const bucket = 'jobcast-models';

  beforeAll(async () => {
    process.env['AWS_ACCESS_KEY_ID'] = 'test';
    process.env['AWS_SECRET_ACCESS_KEY'] = 'test';
    const port = await freePort();
    endpoint = `http://127.0.0.1:${port}`;
    server = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    await waitUntilListening(endpoint);
    const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true });
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    client.destroy();
  }, 60_000);

  afterAll(() => {
    server?.kill('SIGTERM');
  });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jobcast-s3-'));
    await mkdir(join(dir, 'run', 'models'), { recursive: true });
    await writeFile(join(dir, 'run', 'models', 'weights.bin'), 'abc');
    await writeFile(join(dir, 'run', 'run.json'), '{}');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const store = () =>
    new S3ModelStore({ bucket, prefix: 'models', cacheDir: join(dir, 'cache'), endpoint, region: 'us-east-1', forcePathStyle: true });

  it('publishes a run, reads it back, verifies it and downloads it whole', async () => {
    const checksums = await checksumTree(join(dir, 'run'));
    const location = await store().putRun('runtime', 'sweep1/LR1-NS10', join(dir, 'run'));
    expect(location).toBe(`s3://${bucket}/models/runtime/sweep1/LR1-NS10`);
    expect((await store().readArtifact(location, 'models/weights.bin')).toString()).toBe('abc');
    expect(await verifyArtifacts(store(), location, checksums)).toEqual([]);
    const local = await store().materialize(location);
    expect(await readFile(join(local, 'models', 'weights.bin'), 'utf8')).toBe('abc');
    expect(await checksumTree(local)).toEqual(checksums);
    await expect(store().putRun('runtime', 'sweep1/LR1-NS10', join(dir, 'run'))).rejects.toThrow('already exists');
  });

  it('reports a missing run and refuses locations outside its bucket', async () => {
    await expect(store().materialize(`s3://${bucket}/models/runtime/absent`)).rejects.toThrow('absent or incomplete');
    await expect(store().readArtifact('s3://other-bucket/x', 'run.json')).rejects.toThrow('is not in');
    const problems = await verifyArtifacts(store(), `s3://${bucket}/models/runtime/absent`, { 'run.json': 'a'.repeat(64) });
    expect(problems).toEqual([expect.stringContaining('run.json: unreadable')]);
  });
});

async function waitUntilListening(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
