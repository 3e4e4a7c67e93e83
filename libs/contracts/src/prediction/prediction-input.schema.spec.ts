import { classifyPredictionInput, parsePredictionInput } from './prediction-input.schema';

describe('prediction inputs', () => {
  it.each([
    [{ jobType: 'job-x' }, 'job-run'],
    [{ payload_id: 'p', type: 'job-x', status: 'job-queued' }, 'job-status'],
    [{ type: 'job-x', status: 'job-queued' }, 'job-status'],
    [{ job: { type: 'job-x' } }, 'job-status'],
    [{ dataset: 'ia2l51030', n_files: 1, total_mb: 1 }, 'calcloud'],
    [{ n_files: 1 }, 'calcloud'],
    [{ something: 1 }, null],
    [[{ jobType: 'job-x' }], null],
    ['job-x', null],
    [null, null],
  ])('classifies %j as %s', (body, kind) => {
    expect(classifyPredictionInput(body)).toBe(kind);
  });

  it('names each bad field', () => {
    const parsed = parsePredictionInput({ dataset: 'ia2l51030', n_files: 1.5, total_mb: -1 });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.issues.map((issue) => issue.field)).toEqual(['n_files', 'total_mb']);
  });

  it('requires a job type on a job_status document', () => {
    const parsed = parsePredictionInput({ payload_id: 'p', job: {} });
    expect(!parsed.ok && parsed.issues[0]).toMatchObject({ field: 'type', message: expect.stringContaining('job.type') });
  });

  it('keeps the unknown fields of a job_status document for the normalizer', () => {
    const parsed = parsePredictionInput({ payload_id: 'p', type: 'job-x', job: { job_info: { time_queued: 'x' } } });
    expect(parsed.ok && parsed.input).toEqual({ kind: 'job-status', document: { payload_id: 'p', type: 'job-x', job: { job_info: { time_queued: 'x' } } } });
  });

  it('says what it expected when the body is none of the three shapes', () => {
    const parsed = parsePredictionInput({ hello: 'world' });
    expect(!parsed.ok && parsed.issues[0]).toMatchObject({ field: '(body)', message: expect.stringContaining('jobType') });
  });
});
