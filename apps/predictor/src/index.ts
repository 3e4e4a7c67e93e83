// The predictor as a library: the embedded mode hosts PredictorModule with its own ModelSource and bus.
export { PredictorModule, type PredictorModuleOptions } from './predictor.module';
export { startPredictor, type StartedPredictor } from './bootstrap';
export { configurePredictorHttp } from './http/http-setup';
export { predictorGrpcOptions } from './grpc/grpc-options';
export { PredictorGrpcHealth } from './grpc/grpc-health';
export { PredictorMetrics } from './observability/predictor-metrics';
export { PredictorEnvSchema, loadPredictorConfig, type PredictorConfig } from './config';
export type { ModelSource, ModelReference } from './models/model-source.port';
export type * from './models/model-ports';
export { REQUIRED_FAMILIES } from './models/model-ports';
export { FAMILY_LOADERS, type FamilyLoaders } from './models/family-loaders';
export { FolderModelSource } from './models/folder-model-source';
export { RegistryModelSource, type ChampionLookup } from './models/registry-model-source';
export { loadRuntimeFamily, adaptRuntimeFamily } from './models/adapters/runtime-family.adapter';
export { ServingModels, type ServingStatus } from './models/serving-models.service';
export { PredictionService } from './prediction/prediction.service';
export type { JobStatusNormalizer } from './prediction/job-status-normalizer.port';
export { DEFAULT_PREDICTOR_TOPICS, type PredictorTopics } from './kafka/predictor-topics';
