import { recordedAtFromFileName } from './calcloud-source';

describe('recordedAtFromFileName', () => {
  it.each([
    ['/data/calcloud-2021-05-11.csv', '2021-05-11T00:00:00.000Z'],
    ['2021-05-11/latest.csv', undefined],
    ['latest.csv', undefined],
    ['export-2021-13-45.csv', undefined],
  ])('reads %p as %p', (file, iso) => {
    expect(recordedAtFromFileName(file)).toBe(iso);
  });
});
