import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { status } from '@grpc/grpc-js';
import { Observable, tap } from 'rxjs';
import { PredictorMetrics } from '../observability/predictor-metrics';
import { toGrpcError } from './grpc-errors.filter';

/** Counts gRPC calls by method and final status code and times them (a stream is one call). */
@Injectable()
export class GrpcMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: PredictorMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const method = context.getHandler().name;
    const started = process.hrtime.bigint();
    const record = (code: number) => {
      this.metrics.grpcRequests.inc({ method, code: status[code] ?? String(code) });
      this.metrics.grpcLatency.observe({ method }, Number(process.hrtime.bigint() - started) / 1e9);
    };
    return next.handle().pipe(
      tap({
        complete: () => record(status.OK),
        error: (error: unknown) => record(toGrpcError(error).code),
      }),
    );
  }
}
