import { seededRandom } from '@jobcast/models';
import { shortestFloat32Decimal } from './float32-decimals';

/** The reference: the fewest significant digits of a decimal that reads back as the same float32. */
function fewestDigits(value: number): number {
  const single = Math.fround(value);
  for (let digits = 1; digits <= 9; digits++) if (Math.fround(Number(single.toPrecision(digits))) === single) return digits;
  throw new Error(`no decimal of ${value}`);
}

/** Significant digits JavaScript prints for a double. */
const printedDigits = (value: number) => value.toExponential().replace(/^-|e.*$|\./g, '').length;

describe('shortestFloat32Decimal', () => {
  it('keeps the float32 value and prints no more digits than it needs', () => {
    const random = seededRandom(7);
    const values = [0.9982503652572632, 0.0012840951094403863, 7.898916010162793e-6, 3802.13427734375, 5.151119709014893, 1, 0.5, 1e-7, 123456789, 3.4e38];
    for (let i = 0; i < 5_000; i++) values.push(Math.fround((random() - 0.2) * 10 ** Math.floor(random() * 30 - 15)));
    for (const value of values) {
      const decimal = shortestFloat32Decimal(value);
      expect(Math.fround(decimal)).toBe(Math.fround(value));
      expect(printedDigits(decimal)).toBeLessThanOrEqual(fewestDigits(value));
    }
  });

  it('prints a float32 output with its short digits', () => {
    expect(String(shortestFloat32Decimal(0.9982503652572632))).toBe('0.99825037');
    expect(String(shortestFloat32Decimal(Math.fround(0.1)))).toBe('0.1');
    expect(String(shortestFloat32Decimal(3802.13427734375))).toBe('3802.1343');
  });

  it('passes zero, infinities and NaN through', () => {
    expect(shortestFloat32Decimal(0)).toBe(0);
    expect(shortestFloat32Decimal(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(shortestFloat32Decimal(Number.NaN)).toBeNaN();
  });
});
