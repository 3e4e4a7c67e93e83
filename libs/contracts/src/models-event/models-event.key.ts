import type { ModelsEvent } from './models-event.schema';

/** Keyed by family, so the promotions of one family stay in order on one partition. */
export function modelsEventKey(event: ModelsEvent): string {
  return event.family;
}
