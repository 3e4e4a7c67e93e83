import { Readable } from 'node:stream';
import { Body, Controller, Header, HttpCode, Logger, PayloadTooLargeException, Post, StreamableFile, UseFilters } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MAX_PREDICTION_BATCH } from '@jobcast/contracts';
import { PredictorMetrics } from '../observability/predictor-metrics';
import { InvalidInputError } from '../prediction/prediction.errors';
import { PredictionService } from '../prediction/prediction.service';
import { PredictorHttpErrorsFilter } from './http-errors.filter';
import { batchAnswerJson, predictionJson } from './prediction-json';
import { BatchRequestSchema, BatchResponseSchema, PredictionInputSchema, PredictionSchema } from './openapi-schemas';

@ApiTags('v1')
@Controller('v1/predict')
@UseFilters(PredictorHttpErrorsFilter)
export class V1PredictController {
  private readonly logger = new Logger(V1PredictController.name);

  constructor(
    private readonly predictions: PredictionService,
    private readonly metrics: PredictorMetrics,
  ) {}

  @Post()
  @HttpCode(200)
  @Header('content-type', 'application/json; charset=utf-8')
  @ApiOperation({ summary: 'Memory bin, GB, wallclock, kill time, runtime statistics and cost for one job' })
  @ApiBody({ schema: PredictionInputSchema })
  @ApiOkResponse({ schema: PredictionSchema })
  predict(@Body() body: unknown): string {
    const prediction = this.predictions.predictBody(body);
    this.metrics.predictions.inc({ interface: 'http' });
    // written as batch answers are (shared parts serialised once): the host sends the text as it is
    return predictionJson(prediction);
  }

  @Post('batch')
  @HttpCode(200)
  @ApiOperation({ summary: `Up to ${MAX_PREDICTION_BATCH} predictions in one call; one bad item fails the call naming it` })
  @ApiBody({ schema: BatchRequestSchema })
  @ApiOkResponse({ schema: BatchResponseSchema })
  predictBatch(@Body() body: unknown): StreamableFile {
    const items = (body as { items?: unknown } | null)?.items;
    if (!Array.isArray(items)) throw new InvalidInputError([{ field: 'items', message: 'expected an array of prediction inputs' }]);
    if (items.length > MAX_PREDICTION_BATCH) {
      throw new PayloadTooLargeException(`items holds ${items.length} inputs; at most ${MAX_PREDICTION_BATCH} per call`);
    }
    // Validated and bound to the serving models now (a bad item is a 400); predicted and sent a chunk at a time after.
    const prepared = this.predictions.prepareBodies(items);
    this.metrics.predictions.inc({ interface: 'http' }, prepared.size);
    const answer = Readable.from(this.loggingFailures(batchAnswerJson(prepared.chunks())), { objectMode: false });
    return new StreamableFile(answer, { type: 'application/json; charset=utf-8' });
  }

  /** An error once the answer has started can only cut the connection: say why in the log. */
  private *loggingFailures(pieces: Iterable<string>): Generator<string> {
    try {
      yield* pieces;
    } catch (error) {
      this.logger.error(`a batch answer failed after it started: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      throw error;
    }
  }
}
