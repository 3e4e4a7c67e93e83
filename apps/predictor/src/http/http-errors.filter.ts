import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { InvalidInputError, ModelsUnavailableError } from '../prediction/prediction.errors';

/**
 * Turns domain errors into HTTP answers: bad input → 400 naming each field, models not loaded → 503.
 * Anything unexpected is logged and answered 500 without internals.
 */
@Catch()
export class PredictorHttpErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('PredictorHttp');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof InvalidInputError) {
      response.status(400).json({ statusCode: 400, error: 'Bad Request', message: error.message, issues: error.issues });
    } else if (error instanceof ModelsUnavailableError) {
      response.status(503).json({ statusCode: 503, error: 'Service Unavailable', message: error.message });
    } else if (error instanceof HttpException) {
      const body = error.getResponse();
      response.status(error.getStatus()).json(typeof body === 'string' ? { statusCode: error.getStatus(), message: body } : body);
    } else {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      response.status(500).json({ statusCode: 500, error: 'Internal Server Error', message: 'unexpected error; see the predictor log' });
    }
  }
}
