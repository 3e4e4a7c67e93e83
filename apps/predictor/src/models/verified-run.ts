import { verifyArtifacts, type ModelStore } from '@jobcast/models';
import type { FamilyLoaders } from './family-loaders';
import type { LoadedModel, ModelFamily } from './model-ports';

/**
 * Checks every artifact of a stored run against its sha256, then loads it. A run that is missing a file or whose
 * bytes changed is refused before any of it is read as a model.
 */
export async function loadVerifiedRun<F extends ModelFamily>(
  family: F,
  store: ModelStore,
  loaders: FamilyLoaders,
  run: { location: string; version: string; checksums: Record<string, string> },
): Promise<LoadedModel<F>> {
  if (Object.keys(run.checksums).length === 0) throw new Error(`run ${run.location} lists no artifact checksums`);
  const problems = await verifyArtifacts(store, run.location, run.checksums);
  if (problems.length > 0) throw new Error(`artifacts of ${run.location} failed verification: ${problems.join('; ')}`);
  const dir = await store.materialize(run.location);
  const model = await (loaders[family] as (runDir: string) => Promise<LoadedModel<F>['model']>)(dir);
  return { family, version: run.version, location: run.location, loadedAt: new Date().toISOString(), model };
}
