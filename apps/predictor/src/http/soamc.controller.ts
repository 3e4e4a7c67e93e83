import {
  BadGatewayException,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Query,
  Res,
  ServiceUnavailableException,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { StatusSetter } from './status-setter';
import { RuntimeEstimatesService } from '../prediction/runtime-estimates.service';
import { QueueTimeService } from '../queue/queue-time.service';
import { AdminTokenGuard } from './admin-token.guard';
import { PredictorHttpErrorsFilter } from './http-errors.filter';
import { QueueTimeQuery, RuntimeQuery, type QueueTimeQueryParams, type RuntimeQueryParams } from './query.schemas';
import { TrainerClient } from './trainer-client';
import { ZodInputPipe } from './zod-input.pipe';

/** SOAMC's numbers are strings with two decimals; clients of the old service parse them that way. */
const soamcNumber = (value: number) => value.toFixed(2);
const soamcDays = (value: number) => Math.round(value * 1000) / 1000;

/** The SOAMC estimator's API (MAAP-Project/job-etc), same paths, field names and units, real numbers. */
@ApiTags('SOAMC-compatible')
@Controller()
@UseFilters(PredictorHttpErrorsFilter)
export class SoamcController {
  constructor(
    private readonly estimates: RuntimeEstimatesService,
    private readonly queueTime: QueueTimeService,
    private readonly trainer: TrainerClient,
  ) {}

  @Get('runtime')
  @ApiOperation({ summary: 'Runtime mean and stdev (seconds, as strings) for a job type on an instance; * = any' })
  @ApiQuery({ name: 'jobtype', example: 'job-hello_world:develop' })
  @ApiQuery({ name: 'instance', required: false, example: 'c5.9xlarge' })
  runtime(@Query(new ZodInputPipe(RuntimeQuery)) query: RuntimeQueryParams) {
    const { statistics } = this.estimates.runtime(query.jobtype, query.instance);
    return { name: query.jobtype, instance: query.instance, mean: soamcNumber(statistics.mean), stdev: soamcNumber(statistics.stdev), units: 'seconds' };
  }

  @Get('runcost')
  @ApiOperation({ summary: 'Expected cost (USD, as strings) = runtime × on-demand price of the instance; * = any' })
  @ApiQuery({ name: 'jobtype', example: 'job-hello_world:develop' })
  @ApiQuery({ name: 'instance', required: false, example: 'c5.9xlarge' })
  runcost(@Query(new ZodInputPipe(RuntimeQuery)) query: RuntimeQueryParams) {
    const { statistics, hourlyUsd } = this.estimates.runCost(query.jobtype, query.instance);
    if (hourlyUsd === null) throw new NotFoundException(`no price known for ${query.instance} nor for any instance ${query.jobtype} ran on`);
    const usd = (seconds: number) => soamcNumber((seconds * hourlyUsd) / 3600);
    return { name: query.jobtype, instance: query.instance, mean: usd(statistics.mean), stdev: usd(statistics.stdev), units: 'USD' };
  }

  @Get('queuetime')
  @ApiOperation({ summary: 'Days to drain the `size` oldest queued jobs on `nodes` workers' })
  @ApiQuery({ name: 'size', required: false, example: 1000 })
  @ApiQuery({ name: 'nodes', required: false, example: 5 })
  queuetime(@Query(new ZodInputPipe(QueueTimeQuery)) query: QueueTimeQueryParams) {
    const estimate = this.queueTime.estimate(query.size, query.nodes);
    return { name: estimate.name, njobs: estimate.njobs, min: soamcDays(estimate.min), max: soamcDays(estimate.max), units: estimate.units };
  }

  @Get('update')
  @HttpCode(202)
  @UseGuards(AdminTokenGuard)
  @ApiOperation({ summary: "Starts one training run on the trainer (409 with the running run's id when one is running)" })
  async update(@Res({ passthrough: true }) response: StatusSetter) {
    if (!this.trainer.configured) throw new ServiceUnavailableException('TRAINER_URL is not set: this predictor cannot start training');
    const answer = await this.trainer.startTrainingRun().catch((error: Error) => {
      throw new BadGatewayException(`the trainer at TRAINER_URL did not answer: ${error.message}`);
    });
    response.status(answer.status);
    return answer.body;
  }
}
