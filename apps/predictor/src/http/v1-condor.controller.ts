import { Body, Controller, HttpCode, Post, UseFilters } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CondorAdviceService } from '../prediction/condor-advice.service';
import { CondorAdviceBody, type CondorAdviceRequest } from './condor-advice.schema';
import { PredictorHttpErrorsFilter } from './http-errors.filter';
import { CondorAdviceRequestSchema, CondorAdviceResponseSchema } from './openapi-schemas';
import { ZodInputPipe } from './zod-input.pipe';

/** The HTCondor hold advisor: release, remove or leave to the user, for each job on hold at a log's end. */
@ApiTags('v1')
@Controller('v1/condor')
@UseFilters(PredictorHttpErrorsFilter)
export class V1CondorController {
  constructor(private readonly advisor: CondorAdviceService) {}

  @Post('advice')
  @HttpCode(200)
  @ApiOperation({ summary: 'Advice for each job on hold at the end of an HTCondor event log, from the condor-hold champion plus the log' })
  @ApiBody({ schema: CondorAdviceRequestSchema })
  @ApiOkResponse({ schema: CondorAdviceResponseSchema })
  advice(@Body(new ZodInputPipe(CondorAdviceBody, '(body)')) body: CondorAdviceRequest) {
    const { log, maxMemoryMb, threshold, minSamples, year } = body;
    return this.advisor.advise(log, { maxMemoryMb, releaseThreshold: threshold, minReleaseSamples: minSamples, year });
  }
}
