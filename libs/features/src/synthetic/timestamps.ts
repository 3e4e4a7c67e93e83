/**
 * Timestamp formats found in HySDS documents. Times inside the generator are epoch milliseconds with a fractional
 * part, so each stamp can carry microseconds like Python's `isoformat()` does. Formatting is hand-rolled with a
 * per-day cache because it runs a dozen times per document and `Date#toISOString` dominated the generator's profile.
 */

const dayMs = 86_400_000;
let cachedDay = Number.NaN;
/** The day's date as `2024-05-01`, `20240501` and `2024.05.01`. */
let cachedDate = { dashed: '', compact: '', dotted: '' };

function datePart(epochMs: number): typeof cachedDate {
  const day = Math.floor(epochMs / dayMs);
  if (day !== cachedDay) {
    cachedDay = day;
    const dashed = new Date(day * dayMs).toISOString().slice(0, 10);
    cachedDate = { dashed, compact: dashed.replace(/-/g, ''), dotted: dashed.replace(/-/g, '.') };
  }
  return cachedDate;
}

/** `12:00:01.123456` */
function timePart(epochMs: number, separators: boolean): string {
  const withinDayMicros = Math.floor((epochMs - Math.floor(epochMs / dayMs) * dayMs) * 1000);
  const micros = withinDayMicros % 1_000_000;
  const totalSeconds = (withinDayMicros - micros) / 1_000_000;
  const seconds = totalSeconds % 60;
  const minutes = ((totalSeconds - seconds) / 60) % 60;
  const hours = Math.floor(totalSeconds / 3600);
  const fraction = String(micros).padStart(6, '0');
  return separators
    ? `${two(hours)}:${two(minutes)}:${two(seconds)}.${fraction}`
    : `${two(hours)}${two(minutes)}${two(seconds)}.${fraction}`;
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** `2024-05-01T12:00:01.123456Z` */
export function isoMicros(epochMs: number): string {
  return `${datePart(epochMs).dashed}T${timePart(epochMs, true)}Z`;
}

/** The odd form some HySDS writers produce, `2024-05-01T12:00:01.123456+00:00Z`: an offset AND a Z. */
export function isoMicrosOdd(epochMs: number): string {
  return `${datePart(epochMs).dashed}T${timePart(epochMs, true)}+00:00Z`;
}

/** The suffix of a HySDS job id: `20240501T120001.123456Z` */
export function jobIdStamp(epochMs: number): string {
  return `${datePart(epochMs).compact}T${timePart(epochMs, false)}Z`;
}

/** The day as a path, `2024/05/01` (HySDS job directories). */
export function dayPath(epochMs: number): string {
  return datePart(epochMs).dashed.replace(/-/g, '/');
}

/** The daily index a job is queued into: `job_status-2024.05.01` */
export function dailyIndex(epochMs: number): string {
  return `job_status-${datePart(epochMs).dotted}`;
}
