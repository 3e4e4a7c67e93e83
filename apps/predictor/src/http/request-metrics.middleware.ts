import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { PredictorMetrics } from '../observability/predictor-metrics';

/** Counts every HTTP request and times it, labelled by the matched route (not the raw URL, to bound cardinality). */
@Injectable()
export class RequestMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: PredictorMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const route = (request.route?.path as string | undefined) ?? 'unmatched';
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.httpRequests.inc({ route, method: request.method, status: String(response.statusCode) });
      this.metrics.httpLatency.observe({ route, method: request.method }, seconds);
    });
    next();
  }
}
