import { parseLenientTimestamp } from './lenient-timestamp';

describe('parseLenientTimestamp', () => {
  it.each([
    ['2024-05-01T12:40:03.120456Z', '2024-05-01T12:40:03.120Z'],
    ['2024-05-01T12:40:03.120456+00:00Z', '2024-05-01T12:40:03.120Z'],
    ['2024-05-01T12:40:03+02:00', '2024-05-01T10:40:03.000Z'],
    ['2024-05-01T12:40:03-0530', '2024-05-01T18:10:03.000Z'],
    ['2024-05-01 12:40:03', '2024-05-01T12:40:03.000Z'],
    ['2024-05-01T12:40', '2024-05-01T12:40:00.000Z'],
    ['2024-05-01', '2024-05-01T00:00:00.000Z'],
    ['  2024-05-01T12:40:03Z ', '2024-05-01T12:40:03.000Z'],
  ])('reads %p as %p', (text, iso) => {
    expect(parseLenientTimestamp(text)).toBe(iso);
  });

  it.each(['', 'yesterday', '2024-02-30T00:00:00Z', '2024-13-01', '2024-05-01T25:00:00Z', '12345', '2024-05-01T12:40:03Zjunk'])(
    'refuses %p',
    (text) => {
      expect(parseLenientTimestamp(text)).toBeNull();
    },
  );

  it('refuses a 5 MB string without scanning it', () => {
    expect(parseLenientTimestamp('2024-05-01' + 'x'.repeat(5 * 1024 * 1024))).toBeNull();
  });
});
