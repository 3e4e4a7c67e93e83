import { Controller, UseFilters } from '@nestjs/common';
import { GrpcMethod, GrpcStreamMethod } from '@nestjs/microservices';
import { MAX_PREDICTION_BATCH, type Prediction } from '@jobcast/contracts';
import { map, type Observable } from 'rxjs';
import { PredictorMetrics } from '../observability/predictor-metrics';
import { InvalidInputError, issuesAtIndex } from '../prediction/prediction.errors';
import { PredictionService } from '../prediction/prediction.service';
import { QueueTimeService } from '../queue/queue-time.service';
import { bodyOfGrpcRequest, type GrpcPredictRequest } from './grpc-request.mapper';
import { PredictorGrpcErrorsFilter } from './grpc-errors.filter';
import { EncodedPredictionBatch, PredictionEncoder } from './prediction-answer-encoders';

const SERVICE = 'Predictor';

type StreamAnswer = { requestId: string; prediction: Prediction } | { requestId: string; error: { issues: { field: string; message: string }[] } };

/** `jobcast.v1.Predictor`: the same PredictionService as HTTP, so both answer alike. */
@Controller()
@UseFilters(PredictorGrpcErrorsFilter)
export class PredictorGrpcController {
  constructor(
    private readonly predictions: PredictionService,
    private readonly queueTime: QueueTimeService,
    private readonly metrics: PredictorMetrics,
    private readonly encoder: PredictionEncoder,
  ) {}

  @GrpcMethod(SERVICE, 'Predict')
  predict(request: GrpcPredictRequest): Prediction {
    const mapped = bodyOfGrpcRequest(request);
    if (!mapped.ok) throw new InvalidInputError(mapped.issues);
    const prediction = this.predictions.predictBody(mapped.body);
    this.metrics.predictions.inc({ interface: 'grpc' });
    return prediction;
  }

  @GrpcMethod(SERVICE, 'PredictBatch')
  predictBatch(request: { items?: GrpcPredictRequest[] }): EncodedPredictionBatch {
    const items = request.items ?? [];
    if (items.length > MAX_PREDICTION_BATCH) {
      throw new InvalidInputError([{ field: 'items', message: `${items.length} inputs; at most ${MAX_PREDICTION_BATCH} per call` }]);
    }
    const bodies = items.map((item, index) => {
      const mapped = bodyOfGrpcRequest(item);
      if (!mapped.ok) throw new InvalidInputError(issuesAtIndex(index, mapped.issues));
      return mapped.body;
    });
    const prepared = this.predictions.prepareBodies(bodies);
    this.metrics.predictions.inc({ interface: 'grpc' }, prepared.size);
    // predicted and encoded a chunk at a time; the answer's serializer passes the bytes on
    return this.encoder.batch(prepared.chunks(), prepared.size);
  }

  /** One answer per request in order; a bad request gets an error answer and the stream carries on. */
  @GrpcStreamMethod(SERVICE, 'PredictStream')
  predictStream(requests: Observable<GrpcPredictRequest>): Observable<StreamAnswer> {
    return requests.pipe(map((request) => this.answer(request)));
  }

  @GrpcMethod(SERVICE, 'QueueTime')
  queueTimeEstimate(request: { size?: number; nodes?: number }) {
    const { name, njobs, min, max, units } = this.queueTime.estimate(request.size ?? 0, request.nodes ?? 0);
    return { name, njobs, min, max, units };
  }

  private answer(request: GrpcPredictRequest): StreamAnswer {
    const requestId = request.requestId ?? '';
    const mapped = bodyOfGrpcRequest(request);
    if (!mapped.ok) return { requestId, error: { issues: mapped.issues } };
    try {
      const prediction = this.predictions.predictBody(mapped.body);
      this.metrics.predictions.inc({ interface: 'grpc' });
      return { requestId, prediction };
    } catch (error) {
      if (error instanceof InvalidInputError) return { requestId, error: { issues: error.issues } };
      throw error;
    }
  }
}
