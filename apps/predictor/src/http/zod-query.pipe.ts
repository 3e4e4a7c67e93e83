import { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { InvalidInputError } from '../prediction/prediction.errors';

/** Validates a query string with a zod schema; a bad one is a 400 naming each parameter. */
export class ZodQueryPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    throw new InvalidInputError(
      result.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(query)', message: issue.message })),
    );
  }
}
