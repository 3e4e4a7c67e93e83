import { parsePredictionInput, type PredictionInput } from '@jobcast/contracts';
import { normalizeJobStatus } from '@jobcast/features';
import { jobStatusDocument } from '../../test-support/job-status-messages';
import { resolveSubject } from './prediction-subject';

const input = (body: unknown): PredictionInput => {
  const parsed = parsePredictionInput(body);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.input;
};

const WFC3_ASSOCIATION = { n_files: 7, total_mb: 105, drizcorr: 1, pctecorr: 1, crsplit: 2, subarray: 0, detector: 1, dtype: 1, instr: 3 };

describe('resolveSubject', () => {
  it('encodes calcloud keywords with calcloud rules and types the job by instrument', () => {
    const resolved = resolveSubject(input({ dataset: 'ia2l51030', n_files: 7, total_mb: 104.6, DETECTOR: 'UVIS', DRIZCORR: 'PERFORM', PCTECORR: 'PERFORM', CRSPLIT: 2 }), normalizeJobStatus);
    expect(resolved).toEqual({ ok: true, subject: { payloadId: 'ia2l51030', jobType: 'job-hst_calibration:wfc3', instance: null, calcloud: { ...WFC3_ASSOCIATION, ipst: 'ia2l51030' }, calcloudProblem: null } });
  });

  it('names the dataset when its instrument letter is unknown', () => {
    const resolved = resolveSubject(input({ dataset: 'x2l51030', n_files: 1, total_mb: 1 }), normalizeJobStatus);
    expect(resolved.ok).toBe(false);
    expect(!resolved.ok && resolved.issues[0].field).toBe('dataset');
  });

  it('reads calcloud inputs from a JobRun-like job: encoded columns, or raw keywords with the ipppssoot param', () => {
    const encoded = resolveSubject(input({ jobType: 'job-hst_calibration:wfc3', features: WFC3_ASSOCIATION }), normalizeJobStatus);
    expect(encoded.ok && encoded.subject.calcloud).toEqual(WFC3_ASSOCIATION);
    const raw = resolveSubject(
      input({ payloadId: 'f00d', jobType: 'job-hst_calibration:wfc3', features: { ipppssoot: 'ia2l51030', DETECTOR: 'UVIS', DRIZCORR: 'PERFORM', PCTECORR: 'PERFORM', CRSPLIT: 2, n_files: 7, total_mb: 105 } }),
      normalizeJobStatus,
    );
    expect(raw.ok && raw.subject).toMatchObject({ payloadId: 'f00d', calcloud: WFC3_ASSOCIATION, calcloudProblem: null });
  });

  it('keeps a job whose calcloud inputs are broken, saying why memory cannot be predicted', () => {
    const resolved = resolveSubject(input({ jobType: 'job-x', features: { n_files: 'many', total_mb: 3, ipst: 'ia2l51030', DETECTOR: 'UVIS' } }), normalizeJobStatus);
    expect(resolved.ok && resolved.subject).toMatchObject({ jobType: 'job-x', calcloud: null, calcloudProblem: expect.stringContaining('n_files') });
  });

  it('normalizes a raw job_status document: payload, type, instance and calcloud params', () => {
    const document = jobStatusDocument('payload-1', 'job-queued', 'job-hst_calibration:wfc3', 'r5a.xlarge');
    (document['job'] as Record<string, unknown>)['params'] = { ipppssoot: 'ia2l51030', DETECTOR: 'UVIS', DRIZCORR: 'PERFORM', PCTECORR: 'PERFORM', CRSPLIT: 2, n_files: 7, total_mb: 105 };
    const resolved = resolveSubject(input(document), normalizeJobStatus);
    expect(resolved.ok && resolved.subject).toMatchObject({ payloadId: 'payload-1', jobType: 'job-hst_calibration:wfc3', instance: 'r5a.xlarge', calcloud: WFC3_ASSOCIATION });
  });

  it('turns a document the normalizer refuses into an input issue', () => {
    const resolved = resolveSubject({ kind: 'job-status', document: { type: 'job-x', payload_id: 7 as unknown as string } }, normalizeJobStatus);
    expect(resolved.ok).toBe(false);
  });
});
