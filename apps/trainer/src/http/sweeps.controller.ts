import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, UseFilters, UseGuards } from '@nestjs/common';
import { SweepService } from '../training/sweep.service';
import { SweepRequest } from '../training/training-request';
import { AdminTokenGuard } from './admin-token.guard';
import { TrainerErrorsFilter } from './trainer-errors.filter';
import { parseBody } from './parse-body';

@UseFilters(TrainerErrorsFilter)
@Controller('v1/sweeps')
export class SweepsController {
  constructor(private readonly sweeps: SweepService) {}

  /** 202 with the sweep and its autonamed runs; 409 with `runningRunId` while a run is in progress. */
  @Post()
  @HttpCode(202)
  @UseGuards(AdminTokenGuard)
  start(@Body() body: unknown) {
    return this.sweeps.start(parseBody(SweepRequest, body));
  }

  /** The sweep, its runs with their metrics, and the best run once finished. */
  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.sweeps.get(id);
  }
}
