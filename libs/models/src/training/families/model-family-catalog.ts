import type { ModelFamily } from '../model-family';
import { calcloudFamily } from './calcloud.family';
import { condorHoldFamily } from './condor-hold.family';
import { runtimeFamily } from './runtime.family';

/** Every family the trainer can train; adding one is one file and one entry here. */
export const MODEL_FAMILIES: readonly ModelFamily<any>[] = [calcloudFamily, runtimeFamily, condorHoldFamily];

export function modelFamilyNames(): string[] {
  return MODEL_FAMILIES.map((family) => family.name);
}

export function findModelFamily(name: string): ModelFamily {
  const family = MODEL_FAMILIES.find((candidate) => candidate.name === name);
  if (!family) throw new UnknownFamilyError(name);
  return family as ModelFamily;
}

export class UnknownFamilyError extends Error {
  override readonly name = 'UnknownFamilyError';
  constructor(family: string) {
    super(`unknown model family "${family}" (known: ${modelFamilyNames().join(', ')})`);
  }
}
