/** Bounds that keep one job's feature map small whatever its params hold. */
export const MAX_FEATURES = 64;
export const MAX_FEATURE_DEPTH = 3;
export const MAX_FEATURE_KEY_LENGTH = 128;
export const MAX_FEATURE_TEXT_LENGTH = 256;

/** Params that describe the job definition or its input locations, not the run: left out of features. */
const IGNORED_PARAMS = new Set(['job_specification', 'localize_urls', '_command', '_disk_usage']);

export type FeatureValue = string | number | boolean | null;

/**
 * Flattens a job's params into scalar features: nested objects become dotted keys (`opts.level`) down to
 * MAX_FEATURE_DEPTH; arrays are left out (their positions mean nothing to a model); text longer than
 * MAX_FEATURE_TEXT_LENGTH is left out (paths and blobs, not categories); at most MAX_FEATURES entries are kept,
 * in key order, so the same params always give the same features.
 */
export function paramsToFeatures(params: unknown): Record<string, FeatureValue> {
  const features: Record<string, FeatureValue> = {};
  if (!isObject(params)) return features;
  const entries: Array<[string, FeatureValue]> = [];
  collect(params, '', 1, entries);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, value] of entries.slice(0, MAX_FEATURES)) features[key] = value;
  return features;
}

function collect(object: Record<string, unknown>, prefix: string, depth: number, into: Array<[string, FeatureValue]>): void {
  for (const [name, value] of Object.entries(object)) {
    if (depth === 1 && IGNORED_PARAMS.has(name)) continue;
    const key = prefix + name;
    if (key.length > MAX_FEATURE_KEY_LENGTH) continue;
    if (isObject(value)) {
      if (depth < MAX_FEATURE_DEPTH) collect(value, `${key}.`, depth + 1, into);
    } else if (value === null || typeof value === 'boolean') {
      into.push([key, value]);
    } else if (typeof value === 'number') {
      if (Number.isFinite(value)) into.push([key, value]);
    } else if (typeof value === 'string') {
      if (value.length <= MAX_FEATURE_TEXT_LENGTH) into.push([key, value]);
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
