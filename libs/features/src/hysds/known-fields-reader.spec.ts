import { JobStatusDocumentKnownFields } from '@jobcast/contracts';
import { generateHistory } from '../synthetic';
import { readKnownFields } from './known-fields-reader';

const history = [...generateHistory({ jobs: 1_500, seed: 5 })] as unknown as Array<Record<string, unknown>>;

/** Values that break a field in every way the schema knows of, and some it lets through. */
const GARBAGE: unknown[] = [
  null, undefined, '', '   ', 'abc', '12', ' 7.5 ', '1e400', 'NaN', 0, -3, 2.5, Number.NaN, Number.POSITIVE_INFINITY,
  true, [], ['a', 1], ['x'], {}, { disk_usage: 'big' }, [{ disk_usage: '10' }], [{ max_usage: 5 }], [null], [[]],
  '2024-02-30T00:00:00Z', '2024-05-01T12:00:00+00:00Z', '2024-05-01 12:00', 'x'.repeat(600), ' a ', 'job-completed',
  [, { disk_usage: 1 }],
  JSON.parse('[{"__proto__": {"max_usage": 9}}]'),
];

/** Every path of an object (not into arrays), parents first. */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => [[...prefix, key], ...paths(child, [...prefix, key])]);
}

function withValue(document: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(document);
  let holder = copy;
  for (const key of path.slice(0, -1)) holder = holder[key] as Record<string, unknown>;
  holder[path[path.length - 1]] = value;
  return copy;
}

/** The reader either declines or agrees with the schema exactly. */
function expectAgreement(document: unknown): 'read' | 'declined' {
  const read = readKnownFields(document);
  if (read === undefined) return 'declined';
  const parsed = JobStatusDocumentKnownFields.safeParse(document);
  expect(parsed.success).toBe(true);
  expect(read).toStrictEqual(withUndefinedKeys(parsed.data, read));
  return 'read';
}

/** The schema leaves absent optional keys out, the reader sets them to undefined: compare with the reader's keys. */
function withUndefinedKeys(parsed: unknown, read: unknown): unknown {
  if (typeof read !== 'object' || read === null || typeof parsed !== 'object' || parsed === null) return parsed;
  if (Array.isArray(read)) return (parsed as unknown[]).map((item, index) => withUndefinedKeys(item, read[index]));
  const filled: Record<string, unknown> = { ...(parsed as Record<string, unknown>) };
  for (const [key, value] of Object.entries(read)) filled[key] = withUndefinedKeys(filled[key], value);
  return filled;
}

describe('readKnownFields', () => {
  it('reads every document of the synthetic history exactly as the schema does', () => {
    const outcomes = history.map(expectAgreement);
    expect(outcomes.every((outcome) => outcome === 'read')).toBe(true);
  });

  it('declines or agrees with the schema on any field of a document replaced by garbage', () => {
    let read = 0;
    let declined = 0;
    for (const document of history.slice(0, 12)) {
      for (const path of paths(document)) {
        for (const value of GARBAGE) {
          if (expectAgreement(withValue(document, path, value)) === 'read') read++;
          else declined++;
        }
      }
    }
    // Both outcomes happen, so both sides of the comparison ran.
    expect(read).toBeGreaterThan(0);
    expect(declined).toBeGreaterThan(0);
  });

  it('declines documents that are not objects', () => {
    for (const value of [null, undefined, 'doc', 42, [], [history[0]]]) expect(readKnownFields(value)).toBeUndefined();
  });

  it('declines every document the schema refuses', () => {
    for (const document of [{}, { ...history[0], payload_id: '  ' }, { ...history[0], '@timestamp': 'yesterday' }]) {
      expect(JobStatusDocumentKnownFields.safeParse(document).success).toBe(false);
      expect(readKnownFields(document)).toBeUndefined();
    }
  });
});
