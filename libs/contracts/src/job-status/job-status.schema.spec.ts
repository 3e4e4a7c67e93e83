import { JobStatusDocument, JobStatusDocumentKnownFields } from './job-status.schema';

const completed = {
  resource: 'job',
  type: 'job-hello_world:develop',
  status: 'job-completed',
  '@timestamp': '2024-05-01T12:40:03.120456+00:00Z',
  payload_id: 'a3e2',
  tags: 'single-tag',
  some_new_field: { kept: true },
  job: {
    type: 'job-hello_world:develop',
    params: { anything: [1, 2] },
    job_info: {
      time_queued: '2024-05-01T12:00:01.123456Z',
      status: '0',
      facts: { processorcount: '36', ec2_instance_type: 'c5.9xlarge', uptime: '5 days' },
      metrics: { inputs_localized: [{ disk_usage: 1048576 }] },
    },
  },
};

describe('JobStatusDocument', () => {
  it('types known fields and keeps unknown ones', () => {
    const document = JobStatusDocument.parse(completed);
    expect(document['@timestamp']).toBe('2024-05-01T12:40:03.120Z');
    expect(document.tags).toEqual(['single-tag']);
    expect(document.job?.job_info?.facts?.processorcount).toBe(36);
    expect(document.job?.job_info?.status).toBe(0);
    expect(document['some_new_field']).toEqual({ kept: true });
    expect(document.job?.job_info?.facts?.['uptime']).toBe('5 days');
  });

  it('accepts nulls for optional fields', () => {
    expect(JobStatusDocument.safeParse({ ...completed, job: null, tags: null }).success).toBe(true);
  });

  it.each([
    ['payload_id', { ...completed, payload_id: undefined }],
    ['payload_id', { ...completed, payload_id: 42 }],
    ['@timestamp', { ...completed, '@timestamp': 'not a date' }],
    ['job.job_info.status', { ...completed, job: { job_info: { status: '1.5' } } }],
    ['job.job_info.facts.processorcount', { ...completed, job: { job_info: { facts: { processorcount: 'many' } } } }],
  ])('names the bad field %s', (path, document) => {
    const result = JobStatusDocument.safeParse(document);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path.join('.')).toBe(path);
  });
});

describe('JobStatusDocumentKnownFields', () => {
  it('checks like JobStatusDocument and drops unknown fields', () => {
    const document = JobStatusDocumentKnownFields.parse(completed);
    expect(document).toEqual(
      expect.objectContaining({ payload_id: 'a3e2', '@timestamp': '2024-05-01T12:40:03.120Z', tags: ['single-tag'] }),
    );
    expect(document).not.toHaveProperty('some_new_field');
    expect(document.job?.job_info?.facts?.processorcount).toBe(36);
    expect(JobStatusDocumentKnownFields.safeParse({ ...completed, '@timestamp': 'not a date' }).success).toBe(false);
  });
});
