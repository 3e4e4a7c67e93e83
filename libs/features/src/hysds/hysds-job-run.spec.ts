import { generateHistory } from '../synthetic';
import { normalizeJobStatus } from './hysds-job-run';

/** The completed document of docs/reference.md §1, with memory figures and params added. */
function completedDocument(): Record<string, any> {
  return {
    resource: 'job',
    type: 'job-hello_world:develop',
    status: 'job-completed',
    '@timestamp': '2024-05-01T12:40:03.120456Z',
    uuid: '6c1f',
    payload_id: 'a3e2',
    job_id: 'hello_world-20240501T120001.123456Z',
    tags: ['my-tag'],
    user_tags: ['my-tag', 'user-tag'],
    job: {
      type: 'job-hello_world:develop',
      priority: 5,
      username: 'ops',
      delivery_info: { routing_key: 'factotum-job_worker-routing' },
      params: {
        job_specification: { command: { path: '/run.sh' } },
        localize_urls: [{ url: 's3://bucket/input' }],
        mode: 'fast',
        granules: 12,
        dry_run: false,
        options: { level: 2, nested: { deep: { too_deep: 1 } } },
      },
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
          inputs_localized: [{ disk_usage: 1048576, duration: 2.1 }, { disk_usage: 1024 }],
          products_staged: [{ disk_usage: 2097152, duration: 3.4 }],
          usage_stats: [
            { wall_time: 27292159803, user_cpu_time: 1040000000, cgroups: { memory_stats: { max_usage: 3221225472, usage: 1 } } },
            { memory_stats: { max_usage: 1000 } },
          ],
        },
      },
    },
  };
}

function normalized(document: unknown) {
  const result = normalizeJobStatus(document);
  if (!result.ok) throw new Error(`expected a run, got: ${result.reason}`);
  return result.run;
}

function reasonFor(document: unknown): string {
  const result = normalizeJobStatus(document);
  if (result.ok) throw new Error('expected a reason, got a run');
  return result.reason;
}

describe('normalizeJobStatus', () => {
  it('maps a completed document to a run', () => {
    expect(normalized(completedDocument())).toEqual({
      payloadId: 'a3e2',
      source: 'hysds',
      jobId: 'hello_world-20240501T120001.123456Z',
      jobType: 'job-hello_world:develop',
      queue: 'factotum-job_worker-small',
      instanceType: 'c5.9xlarge',
      status: 'job-completed',
      exitCode: 0,
      queuedAt: '2024-05-01T12:00:01.123Z',
      startedAt: '2024-05-01T12:38:10.000Z',
      endedAt: '2024-05-01T12:40:03.000Z',
      updatedAt: '2024-05-01T12:40:03.120Z',
      queueWaitSeconds: 2288.877,
      durationSeconds: 113,
      commandDurationSeconds: 95.2,
      inputCount: 2,
      inputBytes: 1049600,
      outputBytes: 2097152,
      peakMemoryBytes: 3221225472,
      cpuCount: 36,
      tags: ['my-tag', 'user-tag'],
      features: { dry_run: false, granules: 12, mode: 'fast', 'options.level': 2 },
    });
  });

  it('falls back to job.type, job.job_id and the routing key', () => {
    const document = completedDocument();
    delete document['type'];
    delete document['job_id'];
    document['job']['job_id'] = 'from-job';
    delete document['job']['job_info']['job_queue'];
    expect(normalized(document)).toMatchObject({ jobType: 'job-hello_world:develop', jobId: 'from-job', queue: 'factotum-job_worker-routing' });
  });

  it('computes durations from timestamps when the document has none', () => {
    const document = completedDocument();
    const info = document['job']['job_info'];
    delete info.duration;
    delete info.cmd_duration;
    info.cmd_start = '2024-05-01T12:38:12Z';
    info.cmd_end = '2024-05-01T12:39:52.5Z';
    expect(normalized(document)).toMatchObject({ durationSeconds: 113, commandDurationSeconds: 100.5 });
  });

  it('reads HySDS dates written as …+00:00Z', () => {
    const document = completedDocument();
    document['@timestamp'] = '2024-05-01T12:40:03.120456+00:00Z';
    document['job']['job_info'].time_start = '2024-05-01T12:38:10.000001+00:00Z';
    expect(normalized(document)).toMatchObject({ updatedAt: '2024-05-01T12:40:03.120Z', startedAt: '2024-05-01T12:38:10.000Z' });
  });

  it('keeps a queued document with nothing but its identity', () => {
    expect(
      normalized({ payload_id: 'q-1', status: 'job-queued', '@timestamp': '2024-05-01T12:00:00Z', type: 'job-x:1' }),
    ).toMatchObject({
      jobId: null,
      queue: null,
      instanceType: null,
      exitCode: null,
      queueWaitSeconds: null,
      durationSeconds: null,
      inputCount: null,
      inputBytes: null,
      peakMemoryBytes: null,
      cpuCount: null,
      tags: [],
      features: {},
    });
  });

  it('treats a start before the queueing time (clock skew) as an unknown wait, not a negative one', () => {
    const document = completedDocument();
    document['job']['job_info'].time_start = '2024-05-01T11:00:00Z';
    expect(normalized(document).queueWaitSeconds).toBeNull();
  });

  it('reads peak memory from every accepted spelling and keeps the largest', () => {
    const withUsage = (usage_stats: unknown[]) => {
      const document = completedDocument();
      document['job']['job_info'].metrics.usage_stats = usage_stats;
      return normalized(document).peakMemoryBytes;
    };
    expect(withUsage([{ max_usage: 10 }])).toBe(10);
    expect(withUsage([{ memory_stats: { max_usage: '20' } }])).toBe(20);
    expect(withUsage([{ cgroups: { memory: { max_usage_in_bytes: 30 } } }])).toBe(30);
    expect(withUsage([{ cgroups: { memory_stats: { peak: 40 } } }, { max_usage: 5 }])).toBe(40);
    expect(withUsage([{ memory_stats: { usage: 50 } }])).toBeNull();
    expect(withUsage([{ memory_stats: { max_usage: -1 } }])).toBeNull();
  });

  it('adds calcloud encodings when the params carry calcloud keywords', () => {
    const document = completedDocument();
    document['job']['params'] = {
      ipppssoot: 'ia2l51030',
      DETECTOR: 'UVIS',
      SUBARRAY: false,
      DRIZCORR: 'PERFORM',
      PCTECORR: 'OMIT',
      CRSPLIT: 2,
      n_files: 7,
      total_mb: 104.6,
    };
    expect(normalized(document).features).toMatchObject({
      n_files: 7,
      total_mb: 105,
      drizcorr: 1,
      pctecorr: 0,
      crsplit: 2,
      subarray: 0,
      detector: 1,
      dtype: 1,
      instr: 3,
    });
  });

  it('bounds features: no long text, no arrays, at most 64 keys', () => {
    const document = completedDocument();
    const params: Record<string, unknown> = { blob: 'x'.repeat(10_000), list: [1, 2, 3] };
    for (let index = 0; index < 200; index++) params[`p${String(index).padStart(3, '0')}`] = index;
    document['job']['params'] = params;
    const features = normalized(document).features;
    expect(Object.keys(features)).toHaveLength(64);
    expect(features).not.toHaveProperty('blob');
    expect(features).not.toHaveProperty('list');
  });

  it.each([
    ['not an object', 'a string', '(root)'],
    ['null', null, '(root)'],
    ['no payload_id', { status: 'job-completed', '@timestamp': '2024-05-01T00:00:00Z', type: 't' }, 'payload_id'],
    ['an empty payload_id', { payload_id: '  ', status: 'job-completed', '@timestamp': '2024-05-01T00:00:00Z', type: 't' }, 'payload_id'],
    ['a numeric payload_id', { payload_id: 12, status: 'job-completed', '@timestamp': '2024-05-01T00:00:00Z', type: 't' }, 'payload_id'],
    ['no status', { payload_id: 'p', '@timestamp': '2024-05-01T00:00:00Z', type: 't' }, 'status'],
    ['no @timestamp', { payload_id: 'p', status: 'job-completed', type: 't' }, '@timestamp'],
    ['a date that is not one', { payload_id: 'p', status: 'job-completed', '@timestamp': '2024-02-31T00:00:00Z', type: 't' }, '@timestamp'],
    ['no job type', { payload_id: 'p', status: 'job-completed', '@timestamp': '2024-05-01T00:00:00Z' }, 'type'],
    ['a word for a duration', { ...completedDocument(), job: { job_info: { duration: 'long' } } }, 'job.job_info.duration'],
    ['an object for the facts', { ...completedDocument(), job: { job_info: { facts: 'none' } } }, 'job.job_info.facts'],
    ['a 5 MB payload_id', { ...completedDocument(), payload_id: 'p'.repeat(5 * 1024 * 1024) }, 'payload_id'],
    ['a 5 MB job type', { ...completedDocument(), type: 't'.repeat(5 * 1024 * 1024) }, 'jobType'],
    ['a 5 MB date', { ...completedDocument(), '@timestamp': '2'.repeat(5 * 1024 * 1024) }, '@timestamp'],
  ])('gives a reason for %s', (_case, document, field) => {
    expect(reasonFor(document)).toContain(`${field}:`);
  });

  it('keeps a document whose free text is huge (it stays in raw; features skip it)', () => {
    const run = normalized({ ...completedDocument(), traceback: 'x'.repeat(5 * 1024 * 1024) });
    expect(run.payloadId).toBe('a3e2');
  });

  it('normalizes every document of a synthetic history, including its odd timestamps', () => {
    let documents = 0;
    for (const document of generateHistory({ jobs: 300, seed: 7, withUpdates: true })) {
      const result = normalizeJobStatus(document);
      if (!result.ok) throw new Error(`${document.payload_id}: ${result.reason}`);
      expect(result.run.payloadId).toBe(document.payload_id);
      documents++;
    }
    expect(documents).toBeGreaterThan(300);
  });
});
