/** Seeded random inputs for the fuzz test: JSON values biased toward the keys and types the predictor reads. */

export { seededRandom } from '@jobcast/models';

const KEYS = [
  'dataset', 'n_files', 'total_mb', 'DETECTOR', 'SUBARRAY', 'DRIZCORR', 'PCTECORR', 'CRSPLIT', 'jobType', 'instanceType',
  'payloadId', 'features', 'queue', 'job', 'job_info', 'type', 'status', 'payload_id', 'resource', 'items', 'family',
  '__proto__', 'constructor', 'toString', '', 'ü', 'a'.repeat(300),
];
const STRINGS = ['', '*', 'ia2l51030', 'j8cb01u2q', 'job-hello_world:develop', 'c5.9xlarge', 'UVIS', 'PERFORM', 'True', '1e309', 'NaN', '-1', '\u0000', '💥', '<script>', 'x'.repeat(600)];
const NUMBERS = [0, -1, 1, 7, 1.5, 1e9, 1e21, -0, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, 0.1];

export function randomJson(random: () => number, depth = 0): unknown {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const roll = random();
  if (depth > 3 || roll < 0.25) return pick([null, true, false, ...NUMBERS, ...STRINGS]);
  if (roll < 0.4) return Array.from({ length: Math.floor(random() * 4) }, () => randomJson(random, depth + 1));
  const value: Record<string, unknown> = {};
  const size = Math.floor(random() * 6);
  for (let i = 0; i < size; i++) value[pick(KEYS)] = randomJson(random, depth + 1);
  return value;
}

/** A query string with known and unknown parameters, repeated keys, odd encodings. */
export function randomQuery(random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const names = ['jobtype', 'instance', 'size', 'nodes', 'jobtype[]', 'size[a]', 'x', ''];
  const values = [...STRINGS, '%', '%zz', '999999999999', '-5', '3.7', '[object Object]', '..', encodeURIComponent('a=b&c')];
  const parts = Array.from({ length: Math.floor(random() * 5) }, () => `${pick(names)}=${pick(values)}`);
  return parts.join('&');
}
