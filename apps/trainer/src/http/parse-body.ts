import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';

/** Validates a request body; a 400 names every offending field. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
    throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: problems.join('; ') });
  }
  return result.data;
}
