import { Transport, type GrpcOptions } from '@nestjs/microservices';
import { PREDICTOR_PROTO_PACKAGE, PREDICTOR_PROTO_PATH, PROTO_ROOT } from '@jobcast/contracts';
import type { PredictorMetrics } from '../observability/predictor-metrics';
import type { PredictorGrpcHealth } from './grpc-health';
import { grpcMetricsInterceptor } from './grpc-metrics-interceptor';
import { usePredictorCodecs } from './predictor-codecs';

const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** Options of the predictor's gRPC server for `app.connectMicroservice` (hybrid app: HTTP and gRPC in one process). */
export function predictorGrpcOptions(url: string, health: PredictorGrpcHealth, metrics: PredictorMetrics): GrpcOptions {
  return {
    transport: Transport.GRPC,
    options: {
      url,
      // a batch of 10,000 predictions is several MB, above gRPC's 4 MB default
      maxReceiveMessageLength: MAX_MESSAGE_BYTES,
      maxSendMessageLength: MAX_MESSAGE_BYTES,
      // Nest hands these to grpc-js' Server constructor, whose options also take server interceptors
      channelOptions: { interceptors: [grpcMetricsInterceptor(metrics)] },
      package: PREDICTOR_PROTO_PACKAGE,
      protoPath: PREDICTOR_PROTO_PATH,
      loader: { includeDirs: [PROTO_ROOT], keepCase: false, longs: Number, enums: String, defaults: false, oneofs: true },
      onLoadPackageDefinition: (definition, server) => {
        usePredictorCodecs(definition);
        health.implementation.addToServer(server);
      },
    },
  };
}
