import { buildProgram } from './program';

describe('jobcast program', () => {
  it('names itself and describes what it does', () => {
    const help = buildProgram().helpInformation();
    expect(help).toContain('Usage: jobcast');
    expect(help).toMatch(/memory, wallclock/);
  });
});
