import { InvalidArgumentError } from 'commander';

// Parsers of numeric options, shared by the commands; commander prints the message after the option's name.

/** A whole number ≥ `min`. */
export const wholeNumberFrom =
  (min: number) =>
  (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min) throw new InvalidArgumentError(`must be a whole number ≥ ${min}`);
    return number;
  };

export const wholeNumber = wholeNumberFrom(0);

export const positiveNumber = (value: string): number => {
  const number = Number(value);
  if (!(Number.isFinite(number) && number > 0)) throw new InvalidArgumentError('must be a positive number');
  return number;
};

/** A share or a probability: strictly between 0 and 1. */
export const openFraction = (value: string): number => {
  const number = Number(value);
  if (!(number > 0 && number < 1)) throw new InvalidArgumentError('must lie strictly between 0 and 1');
  return number;
};
