import { TimedEvents } from './timed-events';

describe('TimedEvents', () => {
  it('pops everything due, earliest first, equal times in push order, and keeps the rest', () => {
    const events = new TimedEvents<string>();
    for (const [time, name] of [[5, 'e'], [1, 'a'], [3, 'c1'], [9, 'z'], [3, 'c2'], [2, 'b']] as const) events.push(time, name);
    expect(events.popUntil(3)).toEqual(['a', 'b', 'c1', 'c2']);
    expect(events.popUntil(4)).toEqual([]);
    expect(events.size).toBe(2);
    expect(events.popUntil(100)).toEqual(['e', 'z']);
  });
});
