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
    // relative to TRAINER_URL's path, so a trainer mounted under a prefix (embedded mode: /trainer) is reached too
    const base = this.config.TRAINER_URL ?? '';
    const url = new URL('v1/training-runs', base.endsWith('/') ? base : `${base}/`);
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
