import { dailyIndex, isoMicros, isoMicrosOdd, jobIdStamp } from './timestamps';

describe('HySDS timestamp formats', () => {
  const moment = Date.UTC(2024, 4, 1, 12, 0, 1, 123) + 0.5;

  it('writes ISO dates with microseconds, and the odd `+00:00Z` form', () => {
    expect(isoMicros(moment)).toBe('2024-05-01T12:00:01.123500Z');
    expect(isoMicrosOdd(moment)).toBe('2024-05-01T12:00:01.123500+00:00Z');
    expect(Date.parse(isoMicros(moment))).toBe(Math.floor(moment));
  });

  it('writes job id stamps and daily index names', () => {
    expect(jobIdStamp(moment)).toBe('20240501T120001.123500Z');
    expect(dailyIndex(moment)).toBe('job_status-2024.05.01');
  });

  it('agrees with Date on day boundaries', () => {
    for (const ms of [0, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2026, 11, 31, 0, 0, 0, 0)]) {
      expect(isoMicros(ms).slice(0, 23)).toBe(new Date(ms).toISOString().slice(0, 23));
    }
  });
});
