import { Body, Controller, Get, HttpCode, Post, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { MODEL_FAMILIES } from '../models/model-ports';
import { ServingModels } from '../models/serving-models.service';
import { InvalidInputError } from '../prediction/prediction.errors';
import { AdminTokenGuard } from './admin-token.guard';
import { PredictorHttpErrorsFilter } from './http-errors.filter';

const ReloadBody = z.object({ family: z.enum(MODEL_FAMILIES).optional() }).strict();

@ApiTags('v1')
@Controller('v1/models')
@UseFilters(PredictorHttpErrorsFilter)
export class ModelsController {
  constructor(private readonly models: ServingModels) {}

  @Get()
  @ApiOperation({ summary: 'The models serving now (family → version, location, load time) and the latest refusals' })
  list() {
    return this.models.status();
  }

  @Post('reload')
  @HttpCode(200)
  @UseGuards(AdminTokenGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Reloads the champion of one family (or all) from the model source; a bad one is refused' })
  async reload(@Body() body: unknown) {
    const parsed = ReloadBody.safeParse(body ?? {});
    if (!parsed.success) {
      throw new InvalidInputError(parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message })));
    }
    const outcomes = parsed.data.family ? [await this.models.reload(parsed.data.family, null)] : await this.models.loadAll();
    return { outcomes, status: this.models.status() };
  }
}
