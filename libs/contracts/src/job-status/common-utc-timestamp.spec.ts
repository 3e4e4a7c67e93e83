import { readCommonUtcTimestamp } from './common-utc-timestamp';
import { readTimestampByPattern } from './lenient-timestamp';

describe('readCommonUtcTimestamp', () => {
  it.each([
    ['2024-05-01T12:40:03.120456Z', '2024-05-01T12:40:03.120Z'],
    ['2024-05-01T12:40:03.120Z', '2024-05-01T12:40:03.120Z'],
    ['2024-05-01T12:40:03.120456+00:00Z', '2024-05-01T12:40:03.120Z'],
    ['2024-05-01T12:40:03+00:00', '2024-05-01T12:40:03.000Z'],
    ['2024-05-01T12:40:03.5', '2024-05-01T12:40:03.500Z'],
    ['2024-02-29T23:59:59Z', '2024-02-29T23:59:59.000Z'],
  ])('reads %p as %p', (text, iso) => {
    expect(readCommonUtcTimestamp(text)).toBe(iso);
  });

  it.each(['2024-05-01T12:40:03+02:00', '2024-05-01 12:40:03', '2024-05-01T12:40:03.Z', '2023-02-29T00:00:00Z', '0099-01-01T00:00:00Z'])(
    'leaves %p to the general reader',
    (text) => {
      expect(readCommonUtcTimestamp(text)).toBeUndefined();
    },
  );

  it('agrees with the general reader on every text it reads', () => {
    let seed = 7;
    const random = (below: number) => ((seed = (seed * 48_271) % 2_147_483_647) % below);
    const pad = (value: number, width: number) => String(value).padStart(width, '0');
    const suffixes = ['', 'Z', '+00:00', '+00:00Z', 'z', '+01:00', 'Zjunk', ' '];
    for (let sample = 0; sample < 20_000; sample++) {
      const digits = 1 + random(9);
      const fraction = ['', '.', `.${pad(random(10 ** Math.min(digits, 6)), digits)}`][random(3)];
      const text =
        `${pad(random(3_000), 4)}-${pad(random(14), 2)}-${pad(random(33), 2)}T` +
        `${pad(random(26), 2)}:${pad(random(62), 2)}:${pad(random(62), 2)}${fraction}${suffixes[random(suffixes.length)]}`;
      const fast = readCommonUtcTimestamp(text);
      if (fast !== undefined) expect([text, fast]).toEqual([text, readTimestampByPattern(text)]);
    }
  });
});
