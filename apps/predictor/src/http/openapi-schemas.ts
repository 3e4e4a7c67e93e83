import { z } from 'zod';
import { CalcloudKeywords, JobSpec, Prediction, QueueTimeEstimate, RawJobStatusDocument, RuntimeStatistics } from '@jobcast/contracts';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { CondorAdviceBody } from './condor-advice.schema';

/** OpenAPI schemas generated from the contract's zod schemas, so the document cannot drift from what is validated. */
const toOpenApi = (schema: z.ZodType): SchemaObject =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any', io: 'input' }) as SchemaObject;

export const PredictionInputSchema: SchemaObject = {
  oneOf: [toOpenApi(RawJobStatusDocument), toOpenApi(JobSpec), toOpenApi(CalcloudKeywords)],
  description: 'a raw HySDS job_status document, a JobRun-like object (jobType required), or calcloud keywords',
};
export const PredictionSchema = toOpenApi(Prediction);
export const BatchRequestSchema: SchemaObject = {
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', maxItems: 10_000, items: PredictionInputSchema } },
};
export const BatchResponseSchema: SchemaObject = { type: 'object', properties: { predictions: { type: 'array', items: PredictionSchema } } };
export const RuntimeStatisticsSchema = toOpenApi(RuntimeStatistics);
export const QueueTimeSchema = toOpenApi(QueueTimeEstimate);
export const CondorAdviceRequestSchema = toOpenApi(CondorAdviceBody);
export const CondorAdviceResponseSchema: SchemaObject = {
  type: 'object',
  properties: {
    advice: {
      type: 'array',
      description: 'HoldAdvice of @jobcast/models for each job on hold at the log end',
      items: {
        type: 'object',
        properties: {
          jobId: { type: 'string' },
          action: { type: 'string', enum: ['release', 'remove', 'leave-to-user'] },
          reason: { type: 'string' },
          hold: { type: 'object', description: 'the hold advised on: time, reason, code, subcode, peakMemoryMb, requestMemoryMb' },
          evidence: { type: 'object', description: 'kind memory, history or user, with the figures behind the action' },
        },
      },
    },
    rejected: { type: 'array', items: { type: 'object', properties: { line: { type: 'integer' }, reason: { type: 'string' } } } },
    jobs: { type: 'integer' },
    model: { type: 'string', nullable: true, description: 'the condor-hold champion used; null = the log alone' },
    history: { type: 'string', description: 'where the release history came from and how many samples it holds' },
  },
};
