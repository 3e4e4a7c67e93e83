import type { InputIssue } from '@jobcast/contracts';

/**
 * `jobcast.v1.PredictRequest` as the server receives it: a protobufjs decoded message (fields absent from the wire read
 * as null or their proto3 default from the prototype; the wire's fields are own properties), or proto-loader's plain
 * object (camelCase, absent fields absent). The mapper reads both alike.
 */
export interface GrpcPredictRequest {
  job?: {
    payloadId?: string | null;
    jobType?: string;
    instanceType?: string | null;
    queue?: string | null;
    features?: Record<string, string>;
    numericFeatures?: Record<string, number>;
  } | null;
  calcloud?: {
    dataset?: string;
    nFiles?: number;
    totalMb?: number;
    detector?: string | null;
    subarray?: boolean | null;
    drizcorr?: string | null;
    pctecorr?: string | null;
    crsplit?: number | null;
  } | null;
  jobStatusJson?: string;
  requestId?: string;
}

export type MappedBody = { ok: true; body: unknown } | { ok: false; issues: InputIssue[] };

/** The members of the `input` oneof, last first: with several on the wire the last in field order is read, as proto-loader does. */
const INPUTS = ['jobStatusJson', 'calcloud', 'job'] as const;

/** Which member of the oneof `input` came on the wire (own, non-null), if any. */
function inputOf(request: GrpcPredictRequest): (typeof INPUTS)[number] | undefined {
  return INPUTS.find((name) => Object.hasOwn(request, name) && request[name] != null);
}

/** Sets `key` when the value came on the wire: the body then validates exactly like its JSON twin over HTTP. */
function setPresent(body: Record<string, unknown>, key: string, value: unknown): void {
  if (value != null) body[key] = value;
}

/** Turns a gRPC request into the body HTTP would receive; validation is then shared with HTTP. */
export function bodyOfGrpcRequest(request: GrpcPredictRequest): MappedBody {
  switch (inputOf(request)) {
    case 'job': {
      const job = request.job!;
      const body: Record<string, unknown> = {};
      setPresent(body, 'payloadId', job.payloadId);
      body['jobType'] = job.jobType ?? '';
      setPresent(body, 'instanceType', job.instanceType);
      setPresent(body, 'queue', job.queue);
      const features = { ...job.features, ...job.numericFeatures };
      if (Object.keys(features).length > 0) body['features'] = features;
      return { ok: true, body };
    }
    case 'calcloud': {
      const keywords = request.calcloud!;
      const body: Record<string, unknown> = { dataset: keywords.dataset ?? '', n_files: keywords.nFiles ?? 0, total_mb: keywords.totalMb ?? 0 };
      setPresent(body, 'DETECTOR', keywords.detector);
      setPresent(body, 'SUBARRAY', keywords.subarray);
      setPresent(body, 'DRIZCORR', keywords.drizcorr);
      setPresent(body, 'PCTECORR', keywords.pctecorr);
      setPresent(body, 'CRSPLIT', keywords.crsplit);
      return { ok: true, body };
    }
    case 'jobStatusJson':
      try {
        return { ok: true, body: JSON.parse(request.jobStatusJson!) };
      } catch (error) {
        return { ok: false, issues: [{ field: 'job_status_json', message: `not JSON: ${(error as Error).message}` }] };
      }
    default:
      return { ok: false, issues: [{ field: 'input', message: 'set one of job, calcloud or job_status_json' }] };
  }
}
