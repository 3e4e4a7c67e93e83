/**
 * Autonaming of sweep runs (reference §6): every argument that varies across the grid becomes the initials of its
 * words in capitals followed by its value; parts are joined by `-`. Fixed arguments do not enter the name.
 */
export type ParamValue = number | string | boolean | ParamValue[];
export type ParamSet = Record<string, ParamValue>;

/** `learning_rate` and `learningRate` both become `LR`. */
export function initialsOf(argumentName: string): string {
  const words = argumentName
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[_\-\s]+/)
    .filter((word) => word.length > 0);
  return words.map((word) => word[0].toUpperCase()).join('');
}

/** Integers ≥ 1,000,000 as M, ≥ 1000 as K, floats without the dot, lists joined by `-`. */
export function formatParamValue(value: ParamValue): string {
  if (Array.isArray(value)) return value.map(formatParamValue).join('-');
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

function formatNumber(value: number): string {
  const sign = value < 0 ? 'm' : '';
  const magnitude = Math.abs(value);
  if (Number.isInteger(magnitude) && magnitude >= 1_000_000) return `${sign}${withoutDot(magnitude / 1_000_000)}M`;
  if (Number.isInteger(magnitude) && magnitude >= 1000) return `${sign}${withoutDot(magnitude / 1000)}K`;
  return `${sign}${withoutDot(magnitude)}`;
}

function withoutDot(value: number): string {
  return String(value).replace('.', '');
}

/** The arguments whose values differ between at least two parameter sets, in first-seen order. */
export function varyingArguments(paramSets: readonly ParamSet[]): string[] {
  const names: string[] = [];
  for (const set of paramSets) for (const name of Object.keys(set)) if (!names.includes(name)) names.push(name);
  return names.filter((name) => new Set(paramSets.map((set) => JSON.stringify(set[name]))).size > 1);
}

export function autoname(params: ParamSet, varying: readonly string[]): string {
  return varying
    .filter((name) => name in params)
    .map((name) => `${initialsOf(name)}${formatParamValue(params[name])}`)
    .join('-');
}

/** Names every parameter set of a sweep; a sweep with nothing varying is named `base`. */
export function autonameAll(paramSets: readonly ParamSet[]): string[] {
  const varying = varyingArguments(paramSets);
  return paramSets.map((params) => autoname(params, varying) || 'base');
}
