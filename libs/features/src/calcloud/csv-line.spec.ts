import { splitCsvLine } from './csv-line';

describe('splitCsvLine', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['7.0,,x', ['7.0', '', 'x']],
    ['"a,b",c', ['a,b', 'c']],
    ['"say ""hi""",2', ['say "hi"', '2']],
    ['', ['']],
    ['a,', ['a', '']],
  ])('splits %p', (line, fields) => {
    expect(splitCsvLine(line)).toEqual(fields);
  });
});
