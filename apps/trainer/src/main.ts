import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadTrainerConfig } from './config';
import { TrainerModule } from './trainer.module';

/** The standalone trainer service: PostgreSQL, Kafka (when configured) and the model store from the environment. */
async function bootstrap(): Promise<void> {
  const config = loadTrainerConfig();
  const app = await NestFactory.create(TrainerModule.forRoot({ config }), { bufferLogs: false });
  app.enableShutdownHooks();
  await app.listen(config.TRAINER_PORT, config.HOST);
  new Logger('Trainer').log(`listening on ${config.HOST}:${config.TRAINER_PORT}`);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`trainer failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
