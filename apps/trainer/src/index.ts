export { loadTrainerConfig, TrainerEnvSchema, type TrainerConfig } from './config';
export { TrainerModule, type TrainerModuleOptions } from './trainer.module';
export { TrainingService } from './training/training.service';
export { SweepService } from './training/sweep.service';
export { TrainingSlot } from './training/training-slot';
export { TrainingBusyError } from './training/training-errors';
