import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { PredictorMetrics } from '../observability/predictor-metrics';
import { recordHttpRequest } from './request-metrics';

/**
 * A Fastify host (the standalone predictor): every request counted once answered. Body size (PREDICTOR_BODY_LIMIT,
 * given to the FastifyAdapter) and broken JSON are Fastify's errors, which Nest answers 413 / 400 with their message.
 */
export function configureFastifyHost(app: NestFastifyApplication, metrics: PredictorMetrics): void {
  app.getHttpAdapter().getInstance().addHook('onResponse', (request, reply, done) => {
    recordHttpRequest(metrics, request.routeOptions.url, request.method, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}
