import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import type { PredictorConfig } from '../config';

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
 * HTTP settings of the predictor's host app: no ETags, JSON bodies up to PREDICTOR_BODY_LIMIT with JSON errors for bodies that
 * are too large or unparsable, and the OpenAPI document at /docs. The app must be created with `bodyParser: false`.
 */
export function configurePredictorHttp(app: NestExpressApplication, config: PredictorConfig): void {
  // Every answer is computed fresh, so hashing each body for an ETag costs CPU and saves nothing.
  app.set('etag', false);
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: config.PREDICTOR_BODY_LIMIT });
  app.use((error: { type?: string; status?: number; message?: string }, _request: Request, response: Response, next: NextFunction) => {
    const answer = bodyErrorAnswer(error);
    if (answer === null) return next(error);
    response.status(answer.status).json({ statusCode: answer.status, message: answer.message });
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Jobcast predictor')
      .setDescription('Memory, wallclock, runtime, cost and queue-time predictions; SOAMC-compatible routes plus /v1')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
}
