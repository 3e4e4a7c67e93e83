import { expandGrid, sampleGrid } from './parameter-grid';

describe('parameter grid', () => {
  it('expands every combination', () => {
    expect(expandGrid({ a: [1, 2], b: ['x', 'y', 'z'] })).toHaveLength(6);
  });

  it('rejects an empty value list, naming the argument', () => {
    expect(() => expandGrid({ epochs: [] })).toThrow('grid argument "epochs"');
  });

  it('draws distinct combinations repeatably for a seed', () => {
    const grid = { a: [1, 2, 3], b: [4, 5, 6] };
    const first = sampleGrid(grid, 4, 7);
    expect(first).toHaveLength(4);
    expect(new Set(first.map((set) => JSON.stringify(set))).size).toBe(4);
    expect(sampleGrid(grid, 4, 7)).toEqual(first);
  });
});
