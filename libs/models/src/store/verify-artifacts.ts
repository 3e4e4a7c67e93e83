import { sha256OfBytes } from '../training/checksums';
import type { ModelStore } from './model-store.port';

/**
 * Compares every artifact of a stored run with the sha256 recorded in its run.json. Returns the problems found
 * (missing or altered files); an empty list means the run is intact.
 */
export async function verifyArtifacts(
  store: ModelStore,
  location: string,
  checksums: Record<string, string>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const [file, expected] of Object.entries(checksums)) {
    try {
      const actual = sha256OfBytes(await store.readArtifact(location, file));
      if (actual !== expected) problems.push(`${file}: sha256 ${actual} differs from the recorded ${expected}`);
    } catch (error) {
      problems.push(`${file}: unreadable (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return problems;
}
