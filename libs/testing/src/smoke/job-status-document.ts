/**
 * A completed HySDS job_status document (structure from the HySDS code as summarised in the project's reference
 * notes, values invented), and the index mapping HySDS gives the fields the smoke tests query.
 */
export const completedJobStatusDocument = {
  resource: 'job',
  type: 'job-hello_world:develop',
  status: 'job-completed',
  '@timestamp': '2024-05-01T12:40:03.120456Z',
  '@version': '1',
  uuid: '6c1f0d9e-5b7a-4c1e-9d0a-1f2e3d4c5b6a',
  payload_id: 'a3e2c4d6-7f81-4a9b-8c0d-e1f2a3b4c5d6',
  job_id: 'hello_world-20240501T120001.123456Z',
  tags: ['my-tag'],
  job: {
    type: 'job-hello_world:develop',
    priority: 5,
    username: 'ops',
    delivery_info: { routing_key: 'factotum-job_worker-small' },
    job_info: {
      job_queue: 'factotum-job_worker-small',
      index: 'job_status-2024.05.01',
      time_queued: '2024-05-01T12:00:01.123456Z',
      time_start: '2024-05-01T12:38:10.000001Z',
      time_end: '2024-05-01T12:40:03.000002Z',
      duration: 113.0,
      cmd_duration: 95.2,
      time_limit: 2100,
      status: 0,
      execute_node: 'ip-10-0-0-1',
      facts: { ec2_instance_type: 'c5.9xlarge', processorcount: '36' },
      metrics: {
        job_dir_size: 123456789,
        inputs_localized: [{ disk_usage: 1048576, duration: 2.1 }],
        products_staged: [{ disk_usage: 2097152, duration: 3.4 }],
        usage_stats: [{ wall_time: 27292159803, user_cpu_time: 1040000000 }],
      },
    },
  },
};

/** A second, failed job of the same type, so that a query has something to filter out. */
export const failedJobStatusDocument = {
  ...completedJobStatusDocument,
  status: 'job-failed',
  payload_id: 'f00dfeed-0000-4000-8000-000000000001',
  job: {
    ...completedJobStatusDocument.job,
    job_info: { ...completedJobStatusDocument.job.job_info, duration: 7.5, status: 1 },
  },
};

export const jobStatusMappings = {
  properties: {
    '@timestamp': { type: 'date' },
    status: { type: 'keyword' },
    type: { type: 'keyword' },
    payload_id: { type: 'keyword' },
    job: {
      properties: {
        job_info: {
          properties: {
            time_queued: { type: 'date' },
            time_start: { type: 'date' },
            time_end: { type: 'date' },
            duration: { type: 'double' },
            facts: { properties: { ec2_instance_type: { type: 'keyword' }, processorcount: { type: 'keyword' } } },
          },
        },
      },
    },
  },
} as const;

/** Completed jobs of one type, newest first, with the mean duration computed by the server. */
export const completedJobsQuery = {
  query: {
    bool: {
      filter: [{ term: { status: 'job-completed' } }, { term: { type: 'job-hello_world:develop' } }],
    },
  },
  sort: [{ '@timestamp': { order: 'desc' as const } }],
  aggs: { mean_duration: { avg: { field: 'job.job_info.duration' } } },
};
