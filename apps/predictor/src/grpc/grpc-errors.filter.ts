import { ArgumentsHost, Catch, Logger, RpcExceptionFilter } from '@nestjs/common';
import { status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import { throwError, type Observable } from 'rxjs';
import { InvalidInputError, ModelsUnavailableError } from '../prediction/prediction.errors';

/** Domain errors → gRPC status codes: bad input INVALID_ARGUMENT (naming the fields), models not loaded UNAVAILABLE. */
@Catch()
export class PredictorGrpcErrorsFilter implements RpcExceptionFilter {
  private readonly logger = new Logger('PredictorGrpc');

  catch(error: unknown, _host: ArgumentsHost): Observable<never> {
    const grpcError = toGrpcError(error);
    if (grpcError.code === status.INTERNAL) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return throwError(() => grpcError);
  }
}

/** The status a thrown error answers with; anything unexpected is INTERNAL without internals. */
export function toGrpcError(error: unknown): { code: number; message: string } {
  if (error instanceof InvalidInputError) return { code: status.INVALID_ARGUMENT, message: error.message };
  if (error instanceof ModelsUnavailableError) return { code: status.UNAVAILABLE, message: error.message };
  if (error instanceof RpcException) {
    const inner = error.getError();
    return typeof inner === 'object' && inner !== null && 'code' in inner
      ? (inner as { code: number; message: string })
      : { code: status.UNKNOWN, message: String(inner) };
  }
  return { code: status.INTERNAL, message: 'unexpected error; see the predictor log' };
}
