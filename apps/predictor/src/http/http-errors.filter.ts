import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InvalidInputError, ModelsUnavailableError } from '../prediction/prediction.errors';

/**
 * Turns domain errors into HTTP answers: bad input → 400 naming each field, models not loaded → 503.
 * Anything unexpected is logged and answered 500 without internals.
 */
@Catch()
export class PredictorHttpErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('PredictorHttp');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const response: unknown = host.switchToHttp().getResponse();
    // through the adapter, so the same filter answers on Fastify (standalone) and Express (embedded)
    const reply = (status: number, body: object) => this.adapterHost.httpAdapter.reply(response, body, status);
    if (error instanceof InvalidInputError) {
      reply(400, { statusCode: 400, error: 'Bad Request', message: error.message, issues: error.issues });
    } else if (error instanceof ModelsUnavailableError) {
      reply(503, { statusCode: 503, error: 'Service Unavailable', message: error.message });
    } else if (error instanceof HttpException) {
      const body = error.getResponse();
      reply(error.getStatus(), typeof body === 'string' ? { statusCode: error.getStatus(), message: body } : body);
    } else {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      reply(500, { statusCode: 500, error: 'Internal Server Error', message: 'unexpected error; see the predictor log' });
    }
  }
}
