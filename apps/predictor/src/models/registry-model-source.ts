import type { ModelVersion } from '@jobcast/db';
import type { ModelStore } from '@jobcast/models';
import type { FamilyLoaders } from './family-loaders';
import type { LoadedModel, ModelFamily } from './model-ports';
import { type ModelReference, type ModelSource, NoChampionError } from './model-source.port';
import { loadVerifiedRun } from './verified-run';

/** The part of the trainer's registry the predictor reads. */
export interface ChampionLookup {
  findChampion(family: string): Promise<ModelVersion | null>;
}

/**
 * Champions from the trainer's registry (PostgreSQL) and model store. A model event carries its location and
 * checksums; at start (no event) the registry names the champion.
 */
export class RegistryModelSource implements ModelSource {
  readonly description: string;

  constructor(
    private readonly registry: ChampionLookup,
    private readonly store: ModelStore,
    private readonly loaders: FamilyLoaders,
  ) {
    this.description = `registry + ${store.description}`;
  }

  async load<F extends ModelFamily>(family: F, reference: ModelReference | null): Promise<LoadedModel<F>> {
    if (reference?.location && reference.checksums && reference.version) {
      return loadVerifiedRun(family, this.store, this.loaders, { location: reference.location, version: reference.version, checksums: reference.checksums });
    }
    const champion = await this.registry.findChampion(family);
    if (champion === null) throw new NoChampionError(`no ${family} champion in the registry yet`);
    return loadVerifiedRun(family, this.store, this.loaders, champion);
  }
}
