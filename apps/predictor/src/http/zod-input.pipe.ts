import { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { InvalidInputError } from '../prediction/prediction.errors';

/** Validates a query string or a JSON body with a zod schema; a bad one is a 400 naming each field. */
export class ZodInputPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(
    private readonly schema: S,
    /** how an issue with the input as a whole is named */
    private readonly whole: '(query)' | '(body)' = '(query)',
  ) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    throw new InvalidInputError(
      result.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || this.whole, message: issue.message })),
    );
  }
}
