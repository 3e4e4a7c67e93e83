import { loadCalcloudBundle } from '@jobcast/models';
import type { CalcloudModel } from '../model-ports';

/**
 * Reads a stored `calcloud` run (`<run>/models/{tx_data.json, bundle.json, mem_clf/, mem_reg/, wall_reg/}`).
 * Inputs reach the bundle already encoded and validated, so the batch goes straight to the tensor pass.
 */
export async function loadCalcloudModel(runDir: string): Promise<CalcloudModel> {
  const bundle = await loadCalcloudBundle(runDir);
  return { predictBatch: (inputs) => bundle.predictValid(inputs) };
}
