import { z } from 'zod';
import { Topics } from '../topics';
import { Prediction } from './prediction.schema';

/** Topic of the predictions published for every queued HySDS job. */
export const PREDICTIONS_TOPIC = Topics.predictions;

/** Value of a `jobcast.predictions.v1` message. */
export const PredictionMessage = z.object({
  payloadId: z.string().min(1),
  /** ISO time the predictor answered */
  predictedAt: z.iso.datetime({ offset: true }),
  prediction: Prediction,
});
export type PredictionMessage = z.infer<typeof PredictionMessage>;

/** Key of a `jobcast.predictions.v1` message: the job's payload_id, so all answers for a job share a partition. */
export function predictionMessageKey(message: Pick<PredictionMessage, 'payloadId'>): string {
  return message.payloadId;
}
