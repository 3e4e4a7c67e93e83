import { z } from 'zod';
import { CalcloudKeywords, JobSpec, Prediction, QueueTimeEstimate, RawJobStatusDocument, RuntimeStatistics } from '@jobcast/contracts';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

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
