import { Controller, Get, HttpCode, UseFilters, UseGuards } from '@nestjs/common';
import { TrainingService } from '../training/training.service';
import { AdminTokenGuard } from './admin-token.guard';
import { TrainerErrorsFilter } from './trainer-errors.filter';

/**
 * SOAMC's `GET /update`: starts one background refresh of every family; while one runs it answers 409 with the
 * running run's id (SOAMC answered "already running").
 */
@UseFilters(TrainerErrorsFilter)
@Controller('update')
export class SoamcUpdateController {
  constructor(private readonly training: TrainingService) {}

  @Get()
  @HttpCode(202)
  @UseGuards(AdminTokenGuard)
  async update() {
    const runs = await this.training.trigger({}, 'manual');
    return { message: 'update started', runIds: runs.map((run) => run.id) };
  }
}
