import type { LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { predictorGrpcOptions } from './grpc/grpc-options';
import { PredictorGrpcHealth } from './grpc/grpc-health';
import { configurePredictorHttp } from './http/http-setup';
import { PredictorMetrics } from './observability/predictor-metrics';
import { PredictorModule, type PredictorModuleOptions } from './predictor.module';

export interface StartedPredictor {
  app: NestFastifyApplication;
  httpUrl: string;
  grpcAddress: string;
}

/**
 * Creates the hybrid app (HTTP + gRPC in one process), loads the models and starts listening on both ports.
 * HTTP runs on Fastify: its routing, body parsing and replies cost about half of Express's per request.
 */
export async function startPredictor(
  options: PredictorModuleOptions,
  logger: LoggerService | LogLevel[] | false = ['log', 'warn', 'error'],
): Promise<StartedPredictor> {
  const adapter = new FastifyAdapter({ bodyLimit: options.config.PREDICTOR_BODY_LIMIT });
  const app = await NestFactory.create<NestFastifyApplication>(PredictorModule.register(options), adapter, { logger });
  configurePredictorHttp(app, options.config);
  const { HOST, PORT, GRPC_PORT } = options.config;
  const grpcAddress = `${HOST}:${GRPC_PORT}`;
  app.connectMicroservice(predictorGrpcOptions(grpcAddress, app.get(PredictorGrpcHealth), app.get(PredictorMetrics)), { inheritAppConfig: true });
  await app.startAllMicroservices();
  await app.listen(PORT, HOST);
  const address = app.getHttpServer().address() as { port: number };
  return { app, httpUrl: `http://127.0.0.1:${address.port}`, grpcAddress };
}
