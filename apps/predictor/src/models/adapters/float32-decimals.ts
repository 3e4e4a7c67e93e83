/** 10^0 … 10^22, every one an exact double, so a quotient or product with one is correctly rounded. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, exponent) => 10 ** exponent);
/** Significant digits that tell any float32 from its neighbours (one more in case log10 misjudged the magnitude). */
const FLOAT32_DIGITS = 10;
const LIKELY_DIGITS = 8;

/**
 * The shortest decimal that still reads back as the same float32, as a double: models compute in float32, and their
 * exact values as doubles (0.9982503652572632 for 0.99825037) carry digits that mean nothing and cost several times
 * more to print. The double is the one JSON readers and the gRPC answer carry alike; `Math.fround` of it is the
 * model's value.
 */
export function shortestFloat32Decimal(value: number): number {
  const single = Math.fround(value);
  if (single === 0 || !Number.isFinite(single)) return single;
  const magnitude = Math.floor(Math.log10(Math.abs(single)));
  const readsBack = (decimal: number) => Math.fround(decimal) === single;
  // most float32 values need 8 or 9 digits: start at 8, then take fewer while they read back, or more until they do
  let shortest = decimalOf(single, LIKELY_DIGITS, magnitude);
  if (readsBack(shortest)) {
    for (let digits = LIKELY_DIGITS - 1; digits >= 1; digits--) {
      const decimal = decimalOf(single, digits, magnitude);
      if (!readsBack(decimal)) break;
      shortest = decimal;
    }
    return shortest;
  }
  for (let digits = LIKELY_DIGITS + 1; digits <= FLOAT32_DIGITS; digits++) {
    const decimal = decimalOf(single, digits, magnitude);
    if (readsBack(decimal)) return decimal;
  }
  return single;
}

/** `value` rounded to `digits` significant digits, as the double nearest that decimal (as parsing its text gives). */
function decimalOf(value: number, digits: number, magnitude: number): number {
  // value ≈ integer × 10^-exponent, with `digits` digits in the integer
  const exponent = digits - 1 - magnitude;
  if (exponent >= POWERS_OF_TEN.length || -exponent >= POWERS_OF_TEN.length) return Number(value.toPrecision(digits));
  return exponent >= 0
    ? Math.round(value * POWERS_OF_TEN[exponent]) / POWERS_OF_TEN[exponent]
    : Math.round(value / POWERS_OF_TEN[-exponent]) * POWERS_OF_TEN[-exponent];
}
