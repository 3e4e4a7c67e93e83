import { Controller, Get, Header } from '@nestjs/common';
import { FeaturesMetrics } from '../metrics/features-metrics';

@Controller('metrics')
export class FeaturesMetricsController {
  constructor(private readonly metrics: FeaturesMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
