import type { SwfHeader, SwfJob } from './swf-job';
import { swfHysdsStatus, swfInstanceType, swfJobTimes, swfJobType, swfPayloadId, swfQueueName } from './swf-job-identity';

/**
 * SWF job → HySDS `job_status` document (reference §1), so a real trace can be loaded into a search cluster and
 * scraped like Mozart (`jobcast es-load <swf>`). Only fields the trace can fill are written; the requested time
 * becomes `time_limit`, the partition `facts.ec2_instance_type`.
 */
export function swfJobToJobStatusDocument(job: SwfJob, header: SwfHeader): Record<string, unknown> {
  const times = swfJobTimes(job, header);
  const type = swfJobType(job);
  const queue = swfQueueName(job, header);
  const instance = swfInstanceType(job, header);
  const payloadId = swfPayloadId(job);
  const name = `swf-${job.jobNumber}`;
  const processors = job.allocatedProcessors ?? job.requestedProcessors;
  const facts: Record<string, string> = {};
  if (instance !== null) facts['ec2_instance_type'] = instance;
  if (processors !== null) facts['processorcount'] = String(processors);
  return {
    resource: 'job',
    type,
    status: swfHysdsStatus(job),
    '@timestamp': times.endedAt ?? times.startedAt ?? times.queuedAt,
    payload_id: payloadId,
    uuid: payloadId,
    job_id: `${name}-${compactTimestamp(times.queuedAt)}`,
    tags: ['swf'],
    job: {
      job_id: `${name}-${compactTimestamp(times.queuedAt)}`,
      name,
      type,
      username: job.userId === null ? null : `user-${job.userId}`,
      delivery_info: { routing_key: queue },
      params: {
        requested_procs: job.requestedProcessors,
        requested_memory_kb: job.requestedMemoryKb,
        executable: job.executableId,
      },
      job_info: {
        job_queue: queue,
        time_queued: times.queuedAt,
        time_start: times.startedAt,
        time_end: times.endedAt,
        duration: job.runTime,
        time_limit: job.requestedTime,
        facts,
      },
    },
  };
}

/** HySDS job ids end in `YYYYMMDDTHHMMSS.ffffffZ`. */
function compactTimestamp(iso: string): string {
  return `${iso.slice(0, 19).replace(/[-:]/g, '')}.${iso.slice(20, 23)}000Z`;
}
