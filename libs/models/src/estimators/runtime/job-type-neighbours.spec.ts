import { JobTypeNeighbours } from './job-type-neighbours';

describe('JobTypeNeighbours', () => {
  const neighbours = new JobTypeNeighbours();
  for (const [jobType, user, tiles] of [
    ['a', 'u1', 1],
    ['b', 'u1', 100],
    ['c', 'u2', 1],
    ['d', 'u2', 10_000],
  ] as const) {
    neighbours.remember({ jobType, features: { user, tiles } });
  }

  it('finds the nearest types by features, nearest first, never the job itself', () => {
    const found = neighbours.nearest({ jobType: 'a', features: { user: 'u1', tiles: 1 } }, 2);
    expect(found.map((neighbour) => neighbour.jobType)).toEqual(['b', 'c']);
    expect(found[0].distance).toBeLessThan(found[1].distance);
  });

  it('follows a type whose latest run changed, and types learnt after the first search', () => {
    neighbours.remember({ jobType: 'b', features: { user: 'u2', tiles: 10_000 } });
    neighbours.remember({ jobType: 'e', features: { user: 'u1', tiles: 5 } });
    expect(neighbours.nearest({ jobType: 'new', features: { user: 'u1', tiles: 5 } }, 1)[0]).toEqual({
      jobType: 'e',
      distance: 0,
    });
    const twins = neighbours.nearest({ jobType: 'new', features: { user: 'u2', tiles: 10_000 } }, 2);
    expect(twins.map((neighbour) => neighbour.jobType).sort()).toEqual(['b', 'd']);
  });

  it('answers nothing when it knows no type', () => {
    expect(new JobTypeNeighbours().nearest({ jobType: 'x' }, 3)).toEqual([]);
  });
});
