import { Controller, Get, Header } from '@nestjs/common';
import { ScraperMetrics } from '../metrics/scraper-metrics';

@Controller('metrics')
export class ScraperMetricsController {
  constructor(private readonly metrics: ScraperMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
