import { uniqueName } from './unique-name';

describe('uniqueName', () => {
  it('keeps the prefix, lower-cased and stripped of characters topics and indices refuse', () => {
    expect(uniqueName('Job Status/Smoke')).toMatch(/^job-status-smoke-[a-z0-9]+-[0-9a-f]{8}$/);
  });

  it('never repeats', () => {
    const names = new Set(Array.from({ length: 1000 }, () => uniqueName('t')));
    expect(names.size).toBe(1000);
  });

  it('refuses a prefix with nothing usable in it', () => {
    expect(() => uniqueName('///')).toThrow('uniqueName: prefix "///" has no letters or digits');
  });
});
