import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseFilters, UseGuards } from '@nestjs/common';
import { ModelRegistryRepository } from '@jobcast/db';
import { z } from 'zod';
import { PromotionService } from '../promotion/promotion.service';
import { NotFoundError } from '../training/training-errors';
import { AdminTokenGuard } from './admin-token.guard';
import { TrainerErrorsFilter } from './trainer-errors.filter';
import { parseBody } from './parse-body';

const ListQuery = z.object({ family: z.string().min(1).optional() });

/** The registry: model versions, champions, and rollback by promoting an earlier version. */
@UseFilters(TrainerErrorsFilter)
@Controller('v1/models')
export class ModelsController {
  constructor(
    private readonly registry: ModelRegistryRepository,
    private readonly promotion: PromotionService,
  ) {}

  @Get()
  async list(@Query() query: unknown) {
    return { models: await this.registry.list(parseBody(ListQuery, query).family) };
  }

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    const model = await this.registry.findById(id);
    if (!model) throw new NotFoundError(`model version ${id} does not exist`);
    return model;
  }

  /** Rollback (or manual promotion): the version becomes champion after its checksums are verified; 422 if corrupt. */
  @Post(':id/promote')
  @HttpCode(200)
  @UseGuards(AdminTokenGuard)
  promote(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.promotion.promote(id, 'rollback', 'promoted by request (rollback)');
  }
}
