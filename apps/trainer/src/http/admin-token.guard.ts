import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { TRAINER_CONFIG, type TrainerConfig } from '../config';

/** With TRAINER_ADMIN_TOKEN set, mutating routes need `Authorization: Bearer <token>`; without it they are open. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  constructor(@Inject(TRAINER_CONFIG) private readonly config: TrainerConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.TRAINER_ADMIN_TOKEN;
    if (!expected) return true;
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers.authorization;
    const given = header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    const matches = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
    if (!matches) throw new UnauthorizedException('a valid bearer token is required');
    return true;
  }
}
