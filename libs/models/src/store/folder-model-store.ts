import { randomUUID } from 'node:crypto';
import { access, cp, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { assertSafeRunKey, assertSafeSegment, type ModelStore } from './model-store.port';

/** The model store as a local (or shared) folder. Locations are absolute paths. */
export class FolderModelStore implements ModelStore {
  readonly description: string;
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.description = `folder ${this.root}`;
  }

  async putRun(family: string, runKey: string, localDir: string): Promise<string> {
    assertSafeSegment('family', family);
    assertSafeRunKey(runKey);
    const target = join(this.root, family, ...runKey.split('/'));
    if (await exists(target)) throw new Error(`run ${family}/${runKey} already exists in ${this.description}`);
    // Copy beside the target, then rename: the run appears complete or not at all.
    const partial = join(dirname(target), `.partial-${basename(target)}-${randomUUID()}`);
    await mkdir(dirname(target), { recursive: true });
    try {
      await cp(localDir, partial, { recursive: true });
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { recursive: true, force: true });
      throw error;
    }
    return target;
  }

  async readArtifact(location: string, relativePath: string): Promise<Buffer> {
    return readFile(this.inside(location, relativePath));
  }

  async materialize(location: string): Promise<string> {
    const folder = this.inside(location, '.');
    await access(folder);
    return folder;
  }

  private inside(location: string, relativePath: string): string {
    const path = resolve(location, relativePath);
    const fromRoot = relative(this.root, path);
    if (fromRoot.startsWith('..') || fromRoot.split(sep).includes('..')) {
      throw new Error(`${path} is outside the model store ${this.root}`);
    }
    return path;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
