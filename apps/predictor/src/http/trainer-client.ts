import { Inject, Injectable } from '@nestjs/common';
import { PREDICTOR_CONFIG, type PredictorConfig } from '../config';

export interface TrainerAnswer {
  status: number;
  body: unknown;
}

const TIMEOUT_MS = 10_000;

/** Forwards SOAMC's `/update` to the trainer (`POST <TRAINER_URL>/v1/training-runs`), which runs one at a time. */
@Injectable()
export class TrainerClient {
  constructor(@Inject(PREDICTOR_CONFIG) private readonly config: PredictorConfig) {}

  get configured(): boolean {
    return this.config.TRAINER_URL !== undefined;
  }

  async startTrainingRun(): Promise<TrainerAnswer> {
    const url = new URL('/v1/training-runs', this.config.TRAINER_URL);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // the trainer answered plain text; pass it on as is
    }
    return { status: response.status, body };
  }
}
