import { formatExamples } from './usage-examples';

describe('formatExamples', () => {
  const text = formatExamples(
    { jobType: 'job-SCIFLO_GCOV:release-2.0', instance: 'c5.9xlarge', calcloud: { dataset: 'ia2l51030', n_files: 7, total_mb: 105, DETECTOR: 'UVIS' } },
    'http://127.0.0.1:3000',
    '127.0.0.1:50051',
  );

  it('prints SOAMC queries with the job type URL-encoded', () => {
    expect(text).toContain("curl 'http://127.0.0.1:3000/runtime?jobtype=job-SCIFLO_GCOV%3Arelease-2.0&instance=c5.9xlarge'");
    expect(text).toContain("curl 'http://127.0.0.1:3000/queuetime?size=100&nodes=4'");
  });

  it('prints /v1/predict bodies for the job and for the calcloud keywords, and the gRPC call', () => {
    expect(text).toContain(`-d '{"jobType":"job-SCIFLO_GCOV:release-2.0","instanceType":"c5.9xlarge"}'`);
    expect(text).toContain(`-d '{"dataset":"ia2l51030","n_files":7,"total_mb":105,"DETECTOR":"UVIS"}'`);
    expect(text).toContain(`-d '{"job":{"job_type":"job-SCIFLO_GCOV:release-2.0","instance_type":"c5.9xlarge"}}' 127.0.0.1:50051 jobcast.v1.Predictor/Predict`);
  });

  it('asks for any instance when the history has none for the job type', () => {
    const anyInstance = formatExamples({ jobType: 'job-x:1', instance: null, calcloud: null }, 'http://h:1', 'h:2');
    expect(anyInstance).toContain('instance=*');
    expect(anyInstance).not.toContain('"dataset"');
  });
});
