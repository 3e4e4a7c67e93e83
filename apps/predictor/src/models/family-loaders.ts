import { loadCalcloudModel } from './adapters/calcloud-bundle.adapter';
import { loadCondorHoldModel } from './adapters/condor-hold.adapter';
import { loadRuntimeFamily } from './adapters/runtime-family.adapter';
import type { FamilyModels, ModelFamily } from './model-ports';

/** Reads one family's stored run folder into the port the predictor serves. */
export type FamilyLoaders = { [F in ModelFamily]: (runDir: string) => Promise<FamilyModels[F]> };

/** How each family's stored run (written by the trainer) becomes a served model. */
export const FAMILY_LOADERS: FamilyLoaders = { calcloud: loadCalcloudModel, runtime: loadRuntimeFamily, 'condor-hold': loadCondorHoldModel };
