import { type DynamicModule, Module } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import { FeaturesModule, type FeaturesModuleOptions } from '@jobcast/features-app';
import { PredictorModule, type PredictorModuleOptions } from '@jobcast/predictor';
import { ScraperModule, type ScraperModuleOptions } from '@jobcast/scraper';
import { TrainerModule, type TrainerModuleOptions } from '@jobcast/trainer';

export interface EmbeddedModuleOptions {
  scraper: ScraperModuleOptions;
  features: FeaturesModuleOptions;
  trainer: TrainerModuleOptions;
  predictor: PredictorModuleOptions;
}

/** Where the trainer's HTTP API lives in the embedded app: its routes (`/v1/models`, `/update`) overlap the predictor's. */
export const TRAINER_ROUTE_PREFIX = 'trainer';

/**
 * The four services' modules in one Nest application, wired to the embedded adapters (in-memory search index,
 * in-process bus, PGlite, a folder model store). The predictor owns the root routes; the trainer's are mounted under
 * /trainer. The scraper's and features' own /health and /metrics are off: the predictor's answer for the process.
 */
@Module({})
export class EmbeddedModule {
  static forRoot(options: EmbeddedModuleOptions): DynamicModule {
    return {
      module: EmbeddedModule,
      imports: [
        ScraperModule.forRoot({ ...options.scraper, serveHttp: false }),
        FeaturesModule.forRoot({ ...options.features, serveHttp: false }),
        TrainerModule.forRoot(options.trainer),
        PredictorModule.register(options.predictor),
        RouterModule.register([{ path: TRAINER_ROUTE_PREFIX, module: TrainerModule }]),
      ],
    };
  }
}
