import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseFilters, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { TrainingService } from '../training/training.service';
import { TrainingRequest } from '../training/training-request';
import { AdminTokenGuard } from './admin-token.guard';
import { TrainerErrorsFilter } from './trainer-errors.filter';
import { parseBody } from './parse-body';

const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });

@UseFilters(TrainerErrorsFilter)
@Controller('v1/training-runs')
export class TrainingRunsController {
  constructor(private readonly training: TrainingService) {}

  /** 202 with the runs started; 409 with `runningRunId` while a run is in progress. */
  @Post()
  @HttpCode(202)
  @UseGuards(AdminTokenGuard)
  async start(@Body() body: unknown) {
    return { runs: await this.training.trigger(parseBody(TrainingRequest, body), 'manual') };
  }

  @Get()
  async list(@Query() query: unknown) {
    return { runs: await this.training.list(parseBody(ListQuery, query).limit) };
  }

  /** Status, live progress (network, epoch, loss) and metrics of a run. */
  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.training.get(id);
  }
}
