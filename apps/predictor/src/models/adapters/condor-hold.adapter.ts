import { condorHoldFamily } from '@jobcast/models';
import type { CondorHoldModel } from '../model-ports';

/** Reads a stored `condor-hold` run: the release history per hold code. */
export async function loadCondorHoldModel(runDir: string): Promise<CondorHoldModel> {
  return { history: await condorHoldFamily.load(runDir) };
}
