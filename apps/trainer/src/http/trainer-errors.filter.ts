import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { UnknownFamilyError } from '@jobcast/models';
import { CorruptArtifactsError, NotFoundError, TrainingBusyError } from '../training/training-errors';

interface JsonResponse {
  status(code: number): JsonResponse;
  json(body: unknown): void;
}

/** Maps the trainer's domain errors to HTTP answers; anything unexpected is a logged 500 without internals. */
@Catch()
export class TrainerErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger(TrainerErrorsFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<JsonResponse>();
    const [status, body] = this.answer(error);
    response.status(status).json(body);
  }

  private answer(error: unknown): [number, unknown] {
    if (error instanceof HttpException) return [error.getStatus(), error.getResponse()];
    if (error instanceof TrainingBusyError) {
      return [HttpStatus.CONFLICT, { statusCode: 409, message: error.message, runningRunId: error.runningRunId }];
    }
    if (error instanceof UnknownFamilyError || isPlanError(error)) {
      return [HttpStatus.BAD_REQUEST, { statusCode: 400, message: (error as Error).message }];
    }
    if (error instanceof NotFoundError) return [HttpStatus.NOT_FOUND, { statusCode: 404, message: error.message }];
    if (error instanceof CorruptArtifactsError) {
      return [HttpStatus.UNPROCESSABLE_ENTITY, { statusCode: 422, message: error.message, problems: error.problems }];
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return [HttpStatus.INTERNAL_SERVER_ERROR, { statusCode: 500, message: 'internal error' }];
  }
}

/** Sweep planning rejects bad grids with plain errors naming the argument. */
function isPlanError(error: unknown): boolean {
  return error instanceof Error && /^(grid argument|a random sweep|random search)/.test(error.message);
}
