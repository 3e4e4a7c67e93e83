import { JobStatusDocument } from '@jobcast/contracts';
import { parseSwf } from './swf-parser';
import { swfJobToJobStatusDocument } from './swf-job-status';

const trace = parseSwf(
  ['; UnixStartTime: 1000000000', '; Partition:  1 DEFAULT', '   12   100   5  553  40 552.21  -1  40  43200  -1  1  4  2  7 -1  1 -1 -1'].join('\n'),
);

describe('swfJobToJobStatusDocument', () => {
  it('writes a job_status document the HySDS schema accepts, with times, limit and instance', () => {
    const document = JobStatusDocument.parse(swfJobToJobStatusDocument(trace.jobs[0], trace.header));
    expect(document).toMatchObject({
      payload_id: 'swf:12',
      status: 'job-completed',
      type: 'swf:user-4:exe-7:procs-40',
      '@timestamp': '2001-09-09T01:57:38.000Z',
      job_id: 'swf-12-20010909T014820.000000Z',
    });
    expect(document.job?.job_info).toMatchObject({
      time_queued: '2001-09-09T01:48:20.000Z',
      time_start: '2001-09-09T01:48:25.000Z',
      time_end: '2001-09-09T01:57:38.000Z',
      duration: 553,
      time_limit: 43200,
      facts: { ec2_instance_type: 'DEFAULT', processorcount: 40 },
    });
  });
});
