import { autonameAll, formatParamValue, initialsOf } from './autoname';
import { expandGrid } from './parameter-grid';

describe('autonaming (reference §6)', () => {
  it('names the rule example in order', () => {
    const sets = expandGrid({ learning_rate: [1, 2], network_size: [[10], [10, 5]] });
    expect(autonameAll(sets)).toEqual(['LR1-NS10', 'LR1-NS10-5', 'LR2-NS10', 'LR2-NS10-5']);
  });

  it('leaves fixed arguments out of the name', () => {
    expect(autonameAll([{ learning_rate: 1, epochs: 5 }, { learning_rate: 2, epochs: 5 }])).toEqual(['LR1', 'LR2']);
  });

  it('writes thousands as K, millions as M and floats without the dot', () => {
    expect(formatParamValue(2000)).toBe('2K');
    expect(formatParamValue(3_000_000)).toBe('3M');
    expect(formatParamValue(0.001)).toBe('0001');
    expect(formatParamValue([10, 5])).toBe('10-5');
  });

  it('takes initials from snake_case and camelCase', () => {
    expect(initialsOf('early_stop_patience')).toBe('ESP');
    expect(initialsOf('batchSize')).toBe('BS');
  });
});
