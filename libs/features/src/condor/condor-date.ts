/** `2024-01-31 12:00:00`, `2024-01-31T12:00:00.123Z`: ISO, the default of HTCondor 8.8 and later. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z?(?=\s|$)/;
/** `10/30 17:31:02`: the legacy format, without a year. */
const LEGACY_DATE = /^(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?=\s|$)/;

export interface CondorDate {
  iso: string;
  month: number;
  /** whether the year came from the caller (legacy format) rather than the log */
  legacy: boolean;
  /** what follows the date, without the blanks between */
  rest: string;
}

/**
 * The date at the start of `text`, or the reason there is none. Dates are read as UTC: the log does not say
 * its time zone (HTCondor writes the schedd's local time).
 */
export function readCondorDate(text: string, legacyYear: number): CondorDate | string {
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [year, month, day, hour, minute, second] = iso.slice(1, 7).map(Number);
    const millis = Number((iso[7] ?? '0').padEnd(3, '0'));
    return dated([year, month, day, hour, minute, second, millis], iso[0], text.slice(iso[0].length), false);
  }
  const legacy = LEGACY_DATE.exec(text);
  if (legacy) {
    const [month, day, hour, minute, second] = legacy.slice(1, 6).map(Number);
    return dated([legacyYear, month, day, hour, minute, second, 0], legacy[0], text.slice(legacy[0].length), true);
  }
  return `no date: expected "YYYY-MM-DD HH:MM:SS" or "MM/DD HH:MM:SS", found "${text.slice(0, 25)}"`;
}

function dated(parts: number[], written: string, rest: string, legacy: boolean): CondorDate | string {
  const [year, month, day, hour, minute, second, millis] = parts;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  const roundTrips =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  if (!roundTrips) return `impossible date "${written}"`;
  return { iso: date.toISOString(), month, legacy, rest: rest.trim() };
}
