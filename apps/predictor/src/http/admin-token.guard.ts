import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { PREDICTOR_CONFIG, type PredictorConfig } from '../config';

/** Bearer-token check for `/update` and admin routes; open when PREDICTOR_ADMIN_TOKEN is unset (embedded mode). */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(@Inject(PREDICTOR_CONFIG) config: PredictorConfig) {
    this.expected = config.PREDICTOR_ADMIN_TOKEN ? Buffer.from(`Bearer ${config.PREDICTOR_ADMIN_TOKEN}`) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.expected === null) return true;
    const presented = Buffer.from(context.switchToHttp().getRequest<{ headers: IncomingHttpHeaders }>().headers.authorization ?? '');
    if (presented.length === this.expected.length && timingSafeEqual(presented, this.expected)) return true;
    throw new UnauthorizedException('this route needs Authorization: Bearer <PREDICTOR_ADMIN_TOKEN>');
  }
}
