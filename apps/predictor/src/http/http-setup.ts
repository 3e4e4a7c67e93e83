import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { PredictorConfig } from '../config';
import { PredictorMetrics } from '../observability/predictor-metrics';
import { configureExpressHost } from './express-host';
import { configureFastifyHost } from './fastify-host';

/**
 * HTTP settings of the predictor's host app, on Fastify (standalone) or Express (the embedded mode, created with
 * `bodyParser: false`): body limit, request metrics, and the OpenAPI document at /docs. Call before `app.init()`.
 */
export function configurePredictorHttp(app: NestFastifyApplication | NestExpressApplication, config: PredictorConfig): void {
  const metrics = app.get(PredictorMetrics);
  if (app.getHttpAdapter().getType() === 'fastify') configureFastifyHost(app as NestFastifyApplication, metrics);
  else configureExpressHost(app as NestExpressApplication, config, metrics);
  serveOpenApi(app);
}

function serveOpenApi(app: INestApplication): void {
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
