import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ScraperStatus } from '../scrape/scraper-status';

@Controller('health')
export class ScraperHealthController {
  constructor(private readonly status: ScraperStatus) {}

  /** 200 while scraping or caught up; 503 while retrying an unreachable dependency or after a failure. */
  @Get()
  @HttpCode(HttpStatus.OK)
  health(@Res({ passthrough: true }) response: Response) {
    if (!this.status.healthy) response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: this.status.healthy ? 'ok' : 'unavailable',
      state: this.status.state,
      cursor: this.status.cursor && {
        timestamp: new Date(this.status.cursor.timestampMs).toISOString(),
        tiebreaker: this.status.cursor.tiebreaker,
      },
      lastCaughtUpAt: this.status.lastCaughtUpAt?.toISOString() ?? null,
      lastError: this.status.lastError,
    };
  }
}
