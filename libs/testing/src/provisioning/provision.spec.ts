import { containerEngineUnavailableReason } from './container-engine';
import { addressFromContainer } from './container-source';
import { SERVICE_VARIABLES } from './services';
import { addressFromStackLauncher } from './stack-source';

jest.mock('./container-engine');
jest.mock('./container-source');
jest.mock('./stack-source');

const engineUnavailable = jest.mocked(containerEngineUnavailableReason);
const fromContainer = jest.mocked(addressFromContainer);
const fromStack = jest.mocked(addressFromStackLauncher);

// provision() memoizes per module instance, so each test loads a fresh one.
function freshProvision(): typeof import('./provision').provision {
  let provision!: typeof import('./provision').provision;
  jest.isolateModules(() => {
    provision = jest.requireActual<typeof import('./provision')>('./provision').provision;
  });
  return provision;
}

describe('provision', () => {
  const variables = Object.values(SERVICE_VARIABLES);
  const saved = Object.fromEntries(variables.map((variable) => [variable, process.env[variable]]));

  beforeEach(() => {
    jest.resetAllMocks();
    for (const variable of variables) delete process.env[variable];
  });

  afterAll(() => {
    for (const variable of variables) {
      if (saved[variable] === undefined) delete process.env[variable];
      else process.env[variable] = saved[variable];
    }
  });

  it('takes the environment variable first and probes nothing', async () => {
    process.env.DATABASE_URL = 'postgres://u:p@db:5432/d';
    await expect(freshProvision()('postgres')).resolves.toBe('postgres://u:p@db:5432/d');
    expect(engineUnavailable).not.toHaveBeenCalled();
    expect(fromStack).not.toHaveBeenCalled();
  });

  it('uses a container when an engine answers', async () => {
    engineUnavailable.mockResolvedValue(undefined);
    fromContainer.mockResolvedValue('postgres://jobcast:jobcast@localhost:32768/jobcast');
    await expect(freshProvision()('postgres')).resolves.toBe('postgres://jobcast:jobcast@localhost:32768/jobcast');
    expect(fromStack).not.toHaveBeenCalled();
  });

  it('falls back to the launchers when no engine answers, once per service', async () => {
    engineUnavailable.mockResolvedValue('Could not find a working container runtime strategy');
    fromStack.mockResolvedValue('127.0.0.1:19092');
    const provision = freshProvision();
    await expect(provision('kafka')).resolves.toBe('127.0.0.1:19092');
    await expect(provision('kafka')).resolves.toBe('127.0.0.1:19092');
    expect(fromContainer).not.toHaveBeenCalled();
    expect(fromStack).toHaveBeenCalledTimes(1);
  });

  it('falls back to the launchers when the container fails to start', async () => {
    engineUnavailable.mockResolvedValue(undefined);
    fromContainer.mockRejectedValue(new Error('pull access denied'));
    fromStack.mockResolvedValue('http://127.0.0.1:19200');
    await expect(freshProvision()('elasticsearch')).resolves.toBe('http://127.0.0.1:19200');
  });

  it('says what was tried and what to install when nothing works', async () => {
    engineUnavailable.mockResolvedValue('Could not find a working container runtime strategy');
    fromStack.mockRejectedValue(new Error('PostgreSQL server binaries not found (initdb, pg_ctl)'));
    await expect(freshProvision()('postgres')).rejects.toThrow(
      [
        'No PostgreSQL server for the integration tests. Tried, in order:',
        '  1. DATABASE_URL is not set',
        '  2. testcontainers: no container engine answers (Could not find a working container runtime strategy)',
        '  3. tools/stack up postgres: PostgreSQL server binaries not found (initdb, pg_ctl)',
        'Fix one of: set DATABASE_URL to a running server; start a container engine (Docker or Podman); ' +
          'or install the PostgreSQL server (apt-get install -y postgresql) so tools/stack can launch one.',
      ].join('\n'),
    );
  });
});
