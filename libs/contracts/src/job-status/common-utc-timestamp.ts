const DIGIT_ZERO = 48;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The shape HySDS writes nearly always — `YYYY-MM-DDTHH:MM:SS[.fraction]` then `Z`, `+00:00`, `+00:00Z` or nothing,
 * all UTC — read without a regular expression. Returns the canonical ISO string, or undefined for any other text
 * (another shape, or a value out of range), which the general reader then decides on: same results, fewer allocations.
 * Once the fields are known to be valid UTC, the canonical form is the text itself, cut or padded to milliseconds.
 */
export function readCommonUtcTimestamp(text: string): string | undefined {
  if (text.length < 19 || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':') {
    return undefined;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  // Years below 100 (Date.UTC reads them as 19xx) and leap seconds are the general reader's business.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }

  let fractionDigits = 0;
  if (text[19] === '.') {
    while (isDigit(text.charCodeAt(20 + fractionDigits))) fractionDigits++;
    if (fractionDigits === 0) return undefined;
  }
  if (!isUtcSuffix(text, fractionDigits === 0 ? 19 : 20 + fractionDigits)) return undefined;
  // Already canonical (what toISOString writes): nothing to build.
  if (fractionDigits === 3 && text.length === 24) return text;
  const millisDigits = Math.min(fractionDigits, 3);
  return `${text.slice(0, 19)}.${text.slice(20, 20 + millisDigits)}${'000'.slice(millisDigits)}Z`;
}

/** The number written by `count` digits at `start`, or -1 when one of them is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let at = start; at < start + count; at++) {
    const code = text.charCodeAt(at);
    if (!isDigit(code)) return -1;
    value = value * 10 + (code - DIGIT_ZERO);
  }
  return value;
}

function isDigit(code: number): boolean {
  return code >= DIGIT_ZERO && code <= DIGIT_ZERO + 9;
}

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

function isUtcSuffix(text: string, at: number): boolean {
  switch (text.length - at) {
    case 0:
      return true;
    case 1:
      return text[at] === 'Z';
    case 6:
      return text.startsWith('+00:00', at);
    case 7:
      return text.startsWith('+00:00Z', at);
    default:
      return false;
  }
}
