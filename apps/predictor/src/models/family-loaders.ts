import type { FamilyModels, ModelFamily } from './model-ports';

/** Reads one family's stored run folder into the port the predictor serves (see ./adapters). */
export type FamilyLoaders = { [F in ModelFamily]: (runDir: string) => Promise<FamilyModels[F]> };
