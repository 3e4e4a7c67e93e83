import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StatusSetter } from './status-setter';
import { ServingModels } from '../models/serving-models.service';

/**
 * Liveness answers while the process serves HTTP; readiness only once every required model family (calcloud,
 * runtime) is loaded. `degraded` = a required family is missing or a latest load was refused (the previous model
 * keeps serving).
 */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly models: ServingModels) {}

  @Get()
  @ApiOperation({ summary: 'Liveness, readiness and degraded state with the models serving; 503 until ready' })
  health(@Res({ passthrough: true }) response: StatusSetter) {
    const status = this.models.status();
    response.status(status.ready ? 200 : 503);
    return { status: status.ready ? (status.degraded ? 'degraded' : 'ok') : 'not-ready', live: true, ...status };
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: 200 while the process answers' })
  live() {
    return { live: true };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: 200 once every required model family is loaded, else 503' })
  ready(@Res({ passthrough: true }) response: StatusSetter) {
    const { ready, degraded } = this.models.status();
    response.status(ready ? 200 : 503);
    return { ready, degraded };
  }
}
