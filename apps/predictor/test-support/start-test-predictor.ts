import type { MessageBus } from '@jobcast/messaging';
import { freePort } from '@jobcast/testing';
import { startPredictor, type StartedPredictor } from '../src/bootstrap';
import { loadPredictorConfig, type PredictorConfig } from '../src/config';
import type { PredictorTopics } from '../src/kafka/predictor-topics';
import type { ModelSource } from '../src/models/model-source.port';
import type { JobStatusNormalizer } from '../src/prediction/job-status-normalizer.port';

export interface TestPredictorOptions {
  modelSource: ModelSource;
  normalizeJobStatus: JobStatusNormalizer;
  bus?: MessageBus | null;
  env?: Record<string, string>;
  topics?: Partial<PredictorTopics>;
}

/** Starts the hybrid app on free ports of 127.0.0.1 with quiet logs. */
export async function startTestPredictor(options: TestPredictorOptions): Promise<StartedPredictor & { config: PredictorConfig; grpcTarget: string }> {
  const grpcPort = await freePort();
  const config = loadPredictorConfig({ HOST: '127.0.0.1', PORT: '0', GRPC_PORT: String(grpcPort), ...options.env });
  const started = await startPredictor(
    { config, modelSource: options.modelSource, bus: options.bus ?? null, normalizeJobStatus: options.normalizeJobStatus, topics: options.topics },
    false,
  );
  return { ...started, config, grpcTarget: `127.0.0.1:${grpcPort}` };
}
