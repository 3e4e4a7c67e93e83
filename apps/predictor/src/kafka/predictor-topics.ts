import { Topics } from '@jobcast/contracts';

/** The topics the predictor reads and writes; tests on a shared broker override them with unique names. */
export interface PredictorTopics {
  jobStatus: string;
  predictions: string;
  models: string;
}

export const DEFAULT_PREDICTOR_TOPICS: PredictorTopics = {
  jobStatus: Topics.jobStatus,
  predictions: Topics.predictions,
  models: Topics.models,
};

export const PREDICTOR_TOPICS = Symbol('PredictorTopics');
