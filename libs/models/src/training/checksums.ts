import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function sha256OfBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Relative paths (always `/`-separated) of every file below `root`, sorted. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** sha256 of every file below `root` except those named in `exclude`. */
export async function checksumTree(root: string, exclude: readonly string[] = []): Promise<Record<string, string>> {
  const checksums: Record<string, string> = {};
  for (const file of await listFiles(root)) {
    if (!exclude.includes(file)) checksums[file] = await sha256OfFile(join(root, file));
  }
  return checksums;
}
