import { Injectable } from '@nestjs/common';
import { HealthImplementation } from 'grpc-health-check';
import { PREDICTOR_SERVICE_NAME } from '@jobcast/contracts';

/** The standard `grpc.health.v1.Health` service: SERVING once every required model family is loaded, NOT_SERVING before. */
@Injectable()
export class PredictorGrpcHealth {
  readonly implementation = new HealthImplementation({ '': 'NOT_SERVING', [PREDICTOR_SERVICE_NAME]: 'NOT_SERVING' });

  setReady(ready: boolean): void {
    const status = ready ? 'SERVING' : 'NOT_SERVING';
    this.implementation.setStatus('', status);
    this.implementation.setStatus(PREDICTOR_SERVICE_NAME, status);
  }
}
