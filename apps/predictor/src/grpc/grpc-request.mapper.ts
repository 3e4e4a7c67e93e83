import type { InputIssue } from '@jobcast/contracts';

/** `jobcast.v1.PredictRequest` as @grpc/proto-loader decodes it (camelCase, oneof name in `input`, no defaults). */
export interface GrpcPredictRequest {
  input?: 'job' | 'calcloud' | 'jobStatusJson';
  job?: {
    payloadId?: string;
    jobType?: string;
    instanceType?: string;
    queue?: string;
    features?: Record<string, string>;
    numericFeatures?: Record<string, number>;
  };
  calcloud?: {
    dataset?: string;
    nFiles?: number;
    totalMb?: number;
    detector?: string;
    subarray?: boolean;
    drizcorr?: string;
    pctecorr?: string;
    crsplit?: number;
  };
  jobStatusJson?: string;
  requestId?: string;
}

export type MappedBody = { ok: true; body: unknown } | { ok: false; issues: InputIssue[] };

/** Drops keys whose value is undefined, so the body validates exactly like its JSON twin over HTTP. */
function defined(record: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key in record) if (record[key] !== undefined) body[key] = record[key];
  return body;
}

/** Turns a gRPC request into the body HTTP would receive; validation is then shared with HTTP. */
export function bodyOfGrpcRequest(request: GrpcPredictRequest): MappedBody {
  switch (request.input) {
    case 'job': {
      const job = request.job ?? {};
      const features = { ...(job.features ?? {}), ...(job.numericFeatures ?? {}) };
      return {
        ok: true,
        body: defined({
          payloadId: job.payloadId,
          jobType: job.jobType ?? '',
          instanceType: job.instanceType,
          queue: job.queue,
          features: Object.keys(features).length > 0 ? features : undefined,
        }),
      };
    }
    case 'calcloud': {
      const keywords = request.calcloud ?? {};
      return {
        ok: true,
        body: defined({
          dataset: keywords.dataset ?? '',
          n_files: keywords.nFiles ?? 0,
          total_mb: keywords.totalMb ?? 0,
          DETECTOR: keywords.detector,
          SUBARRAY: keywords.subarray,
          DRIZCORR: keywords.drizcorr,
          PCTECORR: keywords.pctecorr,
          CRSPLIT: keywords.crsplit,
        }),
      };
    }
    case 'jobStatusJson':
      try {
        return { ok: true, body: JSON.parse(request.jobStatusJson ?? '') };
      } catch (error) {
        return { ok: false, issues: [{ field: 'job_status_json', message: `not JSON: ${(error as Error).message}` }] };
      }
    default:
      return { ok: false, issues: [{ field: 'input', message: 'set one of job, calcloud or job_status_json' }] };
  }
}
