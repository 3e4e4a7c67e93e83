import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FolderModelStore, RUN_RECORD_FILE, RunRecord } from '@jobcast/models';
import type { FamilyLoaders } from './family-loaders';
import type { LoadedModel, ModelFamily } from './model-ports';
import { type ModelReference, type ModelSource, NoChampionError } from './model-source.port';
import { loadVerifiedRun } from './verified-run';

/**
 * Champions from a folder (`PREDICTOR_MODELS_DIR`) laid out like the trainer's model store:
 * `<dir>/<family>/<run>/run.json` (the newest finished run serves) or `<dir>/<family>/run.json` (that run serves).
 * A model event naming a location inside the folder loads that run instead.
 */
export class FolderModelSource implements ModelSource {
  readonly description: string;
  private readonly store: FolderModelStore;

  constructor(
    private readonly root: string,
    private readonly loaders: FamilyLoaders,
  ) {
    this.store = new FolderModelStore(root);
    this.description = `folder ${root}`;
  }

  async load<F extends ModelFamily>(family: F, reference: ModelReference | null): Promise<LoadedModel<F>> {
    const location = reference?.location ?? (await this.newestRun(family));
    const record = await readRunRecord(location);
    return loadVerifiedRun(family, this.store, this.loaders, {
      location,
      version: reference?.version ?? record.runName,
      checksums: { ...record.checksums, ...reference?.checksums },
    });
  }

  private async newestRun(family: ModelFamily): Promise<string> {
    const familyDir = join(this.root, family);
    const direct = await readRunRecord(familyDir).catch(() => null);
    if (direct !== null) return familyDir;
    const entries = await readdir(familyDir, { withFileTypes: true }).catch((error: Error) => {
      throw new NoChampionError(`no ${family} models in ${familyDir}: ${error.message}`);
    });
    const runs: Array<{ dir: string; finishedAt: string }> = [];
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const record = await readRunRecord(join(familyDir, entry.name)).catch(() => null);
      if (record !== null) runs.push({ dir: join(familyDir, entry.name), finishedAt: record.timings.finishedAt });
    }
    if (runs.length === 0) throw new NoChampionError(`no run with a ${RUN_RECORD_FILE} under ${familyDir}`);
    runs.sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
    return runs[runs.length - 1].dir;
  }
}

async function readRunRecord(runDir: string): Promise<RunRecord> {
  const text = await readFile(join(runDir, RUN_RECORD_FILE), 'utf8');
  const parsed = RunRecord.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${join(runDir, RUN_RECORD_FILE)} is not a run record: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
