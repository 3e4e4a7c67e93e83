import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { PredictorConfig } from '../config';
import type { PredictorMetrics } from '../observability/predictor-metrics';
import { recordHttpRequest } from './request-metrics';

/** body-parser's error types and the answer each deserves (413 for oversized bodies, 400 for broken JSON). */
function bodyErrorAnswer(error: { type?: string; status?: number; message?: string }): { status: number; message: string } | null {
  switch (error.type) {
    case 'entity.too.large':
      return { status: 413, message: 'request body is larger than PREDICTOR_BODY_LIMIT' };
    case 'entity.parse.failed':
      return { status: 400, message: `body is not valid JSON: ${error.message}` };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { status: 415, message: error.message ?? 'unsupported encoding' };
    case 'request.aborted':
      return { status: 400, message: 'request aborted' };
    default:
      return typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? { status: error.status, message: error.message ?? 'bad request' } : null;
  }
}

/**
 * An Express host (the embedded mode): no ETags, JSON bodies up to PREDICTOR_BODY_LIMIT with JSON errors for bodies
 * that are too large or unparsable, every request counted. The app must be created with `bodyParser: false`.
 */
export function configureExpressHost(app: NestExpressApplication, config: PredictorConfig, metrics: PredictorMetrics): void {
  // Every answer is computed fresh, so hashing each body for an ETag costs CPU and saves nothing.
  app.set('etag', false);
  app.disable('x-powered-by');
  app.use((request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      recordHttpRequest(metrics, request.route?.path as string | undefined, request.method, response.statusCode, seconds);
    });
    next();
  });
  app.useBodyParser('json', { limit: config.PREDICTOR_BODY_LIMIT });
  app.use((error: { type?: string; status?: number; message?: string }, _request: Request, response: Response, next: NextFunction) => {
    const answer = bodyErrorAnswer(error);
    if (answer === null) return next(error);
    response.status(answer.status).json({ statusCode: answer.status, message: answer.message });
  });
}
