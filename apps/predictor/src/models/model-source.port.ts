import type { LoadedModel, ModelFamily } from './model-ports';

/** A champion announced by the trainer (the `jobcast.models.v1` event), or null to ask for the current one. */
export interface ModelReference {
  modelId?: string;
  version?: string;
  location?: string;
  checksums?: Record<string, string>;
}

/**
 * Where champions come from: the trainer's registry and model store, or a folder (`PREDICTOR_MODELS_DIR`).
 * `load` throws when the artifacts are missing or unreadable; validation happens in the ModelRegistry.
 */
export interface ModelSource {
  readonly description: string;
  load<F extends ModelFamily>(family: F, reference: ModelReference | null): Promise<LoadedModel<F>>;
}

export const MODEL_SOURCE = Symbol('ModelSource');

/** The source holds no model of the family yet: not a broken model, so an optional family is simply not served. */
export class NoChampionError extends Error {
  override readonly name = 'NoChampionError';
}
