import { Logger } from '@nestjs/common';
import { startPredictor } from './bootstrap';
import { loadPredictorConfig } from './config';
import { distributedAdapters } from './distributed-adapters';

/** Standalone predictor: HTTP on PORT, gRPC on GRPC_PORT, Kafka when KAFKA_BROKERS is set. */
async function main(): Promise<void> {
  const config = loadPredictorConfig();
  const adapters = await distributedAdapters(config);
  const { app, httpUrl, grpcAddress } = await startPredictor(adapters.options);
  const logger = new Logger('Predictor');
  logger.log(`HTTP on ${httpUrl} (OpenAPI at ${httpUrl}/docs), gRPC on ${grpcAddress}`);
  const stop = async (signal: string) => {
    logger.log(`${signal}: stopping`);
    await app.close();
    await adapters.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
