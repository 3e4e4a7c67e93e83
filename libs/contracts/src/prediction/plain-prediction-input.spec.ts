import { readPlainCalcloudKeywords, readPlainJobSpec } from './plain-prediction-input';
import { CalcloudKeywords, JobSpec } from './prediction-input.schema';

/** Values that break a field in every way the schemas know of, and some they let through. */
const GARBAGE: unknown[] = [
  null, undefined, '', ' ', 'abc', 'ia2l51030', 'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(129), 'x'.repeat(513), '12',
  0, -0, -1, 1, 2.5, 1e7, 1e7 + 1, 1e9, 1e9 + 1, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY,
  true, false, [], ['a'], {}, { a: 1 }, { k: 'x'.repeat(65) }, { ['k'.repeat(129)]: 1 }, { k: null, n: 2, b: true },
  Object.create(null), JSON.parse('{"__proto__": {"a": 1}}'), new Date(0),
];

const CALCLOUD_BODIES: Record<string, unknown>[] = [
  { dataset: 'ia2l51030', n_files: 7, total_mb: 105 },
  { dataset: 'j8cb01u2q', n_files: 0, total_mb: 0.5, DETECTOR: 'UVIS', SUBARRAY: false, DRIZCORR: 'PERFORM', PCTECORR: 'OMIT', CRSPLIT: 2 },
  { dataset: 'O8ZZ02010', n_files: 1, total_mb: 3, DETECTOR: null, SUBARRAY: 'True', CRSPLIT: '1', extra: { ignored: true } },
];
const JOB_BODIES: Record<string, unknown>[] = [
  { jobType: 'job-hello_world:develop' },
  { jobType: 'job-x', payloadId: 'p-1', instanceType: 'c5.9xlarge', queue: 'factotum-job_worker-small', features: { n_files: 3, DETECTOR: 'IR', ok: true, none: null } },
  { jobType: 'job-y', instanceType: null, queue: null, features: {}, unknown: [1, 2] },
];

/** The reader either declines or returns exactly what the schema's parse returns. */
function expectAgreement(read: unknown, parsed: { success: boolean; data?: unknown }): 'read' | 'declined' {
  if (read === undefined) return 'declined';
  expect(parsed.success).toBe(true);
  expect(read).toStrictEqual(parsed.data);
  return 'read';
}

/** Every body with one field (or one field of `features`) absent, replaced by garbage, or added. */
function* variants(bodies: Record<string, unknown>[], fields: string[]): Generator<unknown> {
  for (const body of bodies) {
    yield body;
    for (const field of fields) {
      const { [field]: _dropped, ...without } = body;
      yield without;
      for (const value of GARBAGE) {
        yield { ...body, [field]: value };
        if (field === 'features' && typeof body['features'] === 'object') yield { ...body, features: { ...(body['features'] as object), [field]: value } };
      }
    }
  }
  yield* [null, 'text', 42, [CALCLOUD_BODIES[0]], Object.assign(Object.create(null), CALCLOUD_BODIES[0]), Object.assign(Object.create(null), JOB_BODIES[0])];
}

describe('plain prediction input readers', () => {
  it('read every plainly valid body as the schemas do', () => {
    for (const body of CALCLOUD_BODIES) expect(expectAgreement(readPlainCalcloudKeywords(body), CalcloudKeywords.safeParse(body))).toBe('read');
    for (const body of JOB_BODIES) expect(expectAgreement(readPlainJobSpec(body), JobSpec.safeParse(body))).toBe('read');
  });

  it('decline or agree with the calcloud keywords schema on any field replaced by garbage', () => {
    const outcomes = [...variants(CALCLOUD_BODIES, ['dataset', 'n_files', 'total_mb', 'DETECTOR', 'SUBARRAY', 'DRIZCORR', 'PCTECORR', 'CRSPLIT'])].map(
      (body) => expectAgreement(readPlainCalcloudKeywords(body), CalcloudKeywords.safeParse(body)),
    );
    expect(outcomes).toContain('read');
    expect(outcomes).toContain('declined');
  });

  it('decline or agree with the JobSpec schema on any field replaced by garbage', () => {
    const outcomes = [...variants(JOB_BODIES, ['jobType', 'payloadId', 'instanceType', 'queue', 'features'])].map((body) =>
      expectAgreement(readPlainJobSpec(body), JobSpec.safeParse(body)),
    );
    expect(outcomes).toContain('read');
    expect(outcomes).toContain('declined');
  });
});
