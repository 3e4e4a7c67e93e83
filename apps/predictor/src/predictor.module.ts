import { DynamicModule, Module } from '@nestjs/common';
import type { MessageBus } from '@jobcast/messaging';
import { PREDICTOR_CONFIG, type PredictorConfig } from './config';
import { PredictorGrpcController } from './grpc/predictor.grpc.controller';
import { PredictionEncoder, predictionEncoder } from './grpc/prediction-answer-encoders';
import { PredictorGrpcHealth } from './grpc/grpc-health';
import { AdminTokenGuard } from './http/admin-token.guard';
import { HealthController } from './http/health.controller';
import { MetricsController } from './http/metrics.controller';
import { ModelsController } from './http/models.controller';
import { SoamcController } from './http/soamc.controller';
import { TrainerClient } from './http/trainer-client';
import { V1CondorController } from './http/v1-condor.controller';
import { V1EstimatesController } from './http/v1-estimates.controller';
import { V1PredictController } from './http/v1-predict.controller';
import { ModelEventsListener } from './kafka/model-events.listener';
import { QueuedJobPredictions } from './kafka/queued-job-predictions.service';
import { DEFAULT_PREDICTOR_TOPICS, PREDICTOR_TOPICS, type PredictorTopics } from './kafka/predictor-topics';
import { MODEL_SOURCE, type ModelSource } from './models/model-source.port';
import { ServingModels } from './models/serving-models.service';
import { PredictorMetrics } from './observability/predictor-metrics';
import { PREDICTOR_BUS, PredictorLifecycle } from './predictor-lifecycle';
import { JOB_STATUS_NORMALIZER, type JobStatusNormalizer } from './prediction/job-status-normalizer.port';
import { CondorAdviceService } from './prediction/condor-advice.service';
import { PredictionService } from './prediction/prediction.service';
import { RuntimeEstimatesService } from './prediction/runtime-estimates.service';
import { QUEUED_JOBS, QueueTimeService } from './queue/queue-time.service';
import { QueuedJobs } from './queue/queued-jobs';

export interface PredictorModuleOptions {
  config: PredictorConfig;
  /** where champions come from: the trainer's registry + store, or a folder */
  modelSource: ModelSource;
  /** Kafka or the in-process bus; null = no queued-job predictions and no hot reload on model events */
  bus: MessageBus | null;
  /** reads raw HySDS job_status documents (libs/features' normalizer) */
  normalizeJobStatus: JobStatusNormalizer;
  /** topic names; default the `Topics` of @jobcast/contracts */
  topics?: Partial<PredictorTopics>;
}

const HTTP_CONTROLLERS = [SoamcController, V1PredictController, V1EstimatesController, V1CondorController, ModelsController, HealthController, MetricsController];

/**
 * The predictor: HTTP (SOAMC-compatible + /v1), gRPC `jobcast.v1.Predictor`, Kafka queued-job predictions and hot
 * reload. Hosted by its own main.ts or by the embedded mode, which injects the model source and the bus.
 * The host attaches the gRPC server with `predictorGrpcOptions` and the HTTP settings and request metrics with
 * `configurePredictorHttp` (see bootstrap.ts).
 */
@Module({})
export class PredictorModule {
  static register(options: PredictorModuleOptions): DynamicModule {
    return {
      module: PredictorModule,
      controllers: [...HTTP_CONTROLLERS, PredictorGrpcController],
      providers: [
        { provide: PREDICTOR_CONFIG, useValue: options.config },
        { provide: MODEL_SOURCE, useValue: options.modelSource },
        { provide: PREDICTOR_BUS, useValue: options.bus },
        { provide: JOB_STATUS_NORMALIZER, useValue: options.normalizeJobStatus },
        { provide: PREDICTOR_TOPICS, useValue: { ...DEFAULT_PREDICTOR_TOPICS, ...options.topics } },
        { provide: QUEUED_JOBS, useValue: new QueuedJobs(options.config.PREDICTOR_QUEUE_LIMIT) },
        { provide: PredictorMetrics, useValue: new PredictorMetrics() },
        { provide: PredictionEncoder, useFactory: predictionEncoder },
        PredictorGrpcHealth,
        ServingModels,
        PredictionService,
        RuntimeEstimatesService,
        CondorAdviceService,
        QueueTimeService,
        TrainerClient,
        AdminTokenGuard,
        QueuedJobPredictions,
        ModelEventsListener,
        PredictorLifecycle,
      ],
      exports: [ServingModels, PredictionService, PredictorGrpcHealth, PredictorMetrics],
    };
  }
}
