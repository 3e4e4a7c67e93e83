import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checksumTree } from '../training/checksums';
import { FolderModelStore } from './folder-model-store';
import { verifyArtifacts } from './verify-artifacts';

describe('FolderModelStore', () => {
  let root: string;
  let run: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'jobcast-store-'));
    run = join(root, 'staging');
    await mkdir(join(run, 'models'), { recursive: true });
    await writeFile(join(run, 'models', 'weights.bin'), 'abc');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('publishes a run under <family>/<run name> and refuses to overwrite it', async () => {
    const store = new FolderModelStore(join(root, 'store'));
    const location = await store.putRun('calcloud', 'LR1-NS10', run);
    expect(location).toBe(join(root, 'store', 'calcloud', 'LR1-NS10'));
    expect((await store.readArtifact(location, 'models/weights.bin')).toString()).toBe('abc');
    await expect(store.putRun('calcloud', 'LR1-NS10', run)).rejects.toThrow('already exists');
    expect(await readdir(join(root, 'store', 'calcloud'))).toEqual(['LR1-NS10']);
  });

  it('refuses names that would escape the store', async () => {
    const store = new FolderModelStore(join(root, 'store'));
    await expect(store.putRun('calcloud', '../evil', run)).rejects.toThrow('not a safe store path segment');
    await expect(store.putRun('calcloud', 'a/b/c', run)).rejects.toThrow('more than two segments');
    await expect(store.readArtifact(join(root, 'store', 'calcloud', 'x'), '../../../etc/passwd')).rejects.toThrow('outside');
  });

  it('detects an altered artifact through the recorded checksums', async () => {
    const store = new FolderModelStore(join(root, 'store'));
    const checksums = await checksumTree(run);
    const location = await store.putRun('runtime', 'r1', run);
    expect(await verifyArtifacts(store, location, checksums)).toEqual([]);
    await writeFile(join(location, 'models', 'weights.bin'), 'abd');
    expect(await verifyArtifacts(store, location, checksums)).toEqual([expect.stringContaining('models/weights.bin: sha256')]);
  });
});
