import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { IngestStatus } from '../ingest/ingest-status';

@Controller('health')
export class FeaturesHealthController {
  constructor(private readonly status: IngestStatus) {}

  /** 200 while consuming; 503 while a batch keeps failing (e.g. the database is down) or after a stop. */
  @Get()
  health(@Res({ passthrough: true }) response: Response) {
    if (!this.status.healthy) response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: this.status.healthy ? 'ok' : 'unavailable',
      state: this.status.state,
      lastBatchAt: this.status.lastBatchAt?.toISOString() ?? null,
      lastError: this.status.lastError,
    };
  }
}
