import { Controller, Get, Query, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RuntimeEstimatesService } from '../prediction/runtime-estimates.service';
import { QueueTimeService } from '../queue/queue-time.service';
import { PredictorHttpErrorsFilter } from './http-errors.filter';
import { QueueTimeSchema, RuntimeStatisticsSchema } from './openapi-schemas';
import { QueueTimeQuery, RuntimeQuery, type QueueTimeQueryParams, type RuntimeQueryParams } from './query.schemas';
import { ZodInputPipe } from './zod-input.pipe';

/** SOAMC's estimates with numbers as numbers, the full runtime spread and the level of the estimator that answered. */
@ApiTags('v1')
@Controller('v1')
@UseFilters(PredictorHttpErrorsFilter)
export class V1EstimatesController {
  constructor(
    private readonly estimates: RuntimeEstimatesService,
    private readonly queueTime: QueueTimeService,
  ) {}

  @Get('runtime')
  @ApiOperation({ summary: 'Runtime statistics (seconds) for a job type on an instance; * = any' })
  @ApiQuery({ name: 'jobtype', example: 'job-hello_world:develop' })
  @ApiQuery({ name: 'instance', required: false, example: 'c5.9xlarge' })
  @ApiOkResponse({ schema: RuntimeStatisticsSchema })
  runtime(@Query(new ZodInputPipe(RuntimeQuery)) query: RuntimeQueryParams) {
    const { statistics, version } = this.estimates.runtime(query.jobtype, query.instance);
    return { name: query.jobtype, instance: query.instance, ...statistics, modelVersion: version };
  }

  @Get('runcost')
  @ApiOperation({ summary: 'Cost statistics (USD) = runtime statistics × on-demand $/hour; null when no price is known' })
  @ApiQuery({ name: 'jobtype', example: 'job-hello_world:develop' })
  @ApiQuery({ name: 'instance', required: false, example: 'c5.9xlarge' })
  runcost(@Query(new ZodInputPipe(RuntimeQuery)) query: RuntimeQueryParams) {
    const { statistics, hourlyUsd, priceFallback, version } = this.estimates.runCost(query.jobtype, query.instance);
    const usd = (seconds: number) => (hourlyUsd === null ? null : (seconds * hourlyUsd) / 3600);
    return {
      name: query.jobtype,
      instance: query.instance,
      mean: usd(statistics.mean),
      stdev: usd(statistics.stdev),
      p50: usd(statistics.p50),
      p90: usd(statistics.p90),
      p99: usd(statistics.p99),
      hourlyUsd,
      priceFallback,
      runtime: statistics,
      units: 'USD',
      modelVersion: version,
    };
  }

  @Get('queuetime')
  @ApiOperation({ summary: 'Days to drain the `size` oldest queued jobs (0 = all) on `nodes` workers' })
  @ApiQuery({ name: 'size', required: false, example: 1000 })
  @ApiQuery({ name: 'nodes', required: false, example: 5 })
  @ApiOkResponse({ schema: QueueTimeSchema })
  queuetime(@Query(new ZodInputPipe(QueueTimeQuery)) query: QueueTimeQueryParams) {
    return this.queueTime.estimate(query.size, query.nodes);
  }
}
