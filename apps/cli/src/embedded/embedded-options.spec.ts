import { resolveEmbeddedOptions } from './embedded-options';
import { chooseHistory } from './history-choice';

describe('resolveEmbeddedOptions', () => {
  it('defaults to 50,000 synthetic jobs on ports 3000 and 50051', () => {
    expect(resolveEmbeddedOptions({}, {})).toMatchObject({ history: 'synthetic', jobs: 50_000, port: 3000, grpcPort: 50051, dataDir: undefined });
  });

  it('takes PORT and GRPC_PORT from the environment, flags first', () => {
    expect(resolveEmbeddedOptions({}, { PORT: '8080', GRPC_PORT: '9090' })).toMatchObject({ port: 8080, grpcPort: 9090 });
    expect(resolveEmbeddedOptions({ port: '8181' }, { PORT: '8080' })).toMatchObject({ port: 8181 });
  });

  it('names the flag or variable of a bad value', () => {
    expect(() => resolveEmbeddedOptions({}, { PORT: 'eighty' })).toThrow(/--port \/ PORT/);
    expect(() => resolveEmbeddedOptions({ jobs: '0' }, {})).toThrow(/--jobs/);
    expect(() => resolveEmbeddedOptions({ grpcPort: '70000' }, {})).toThrow(/--grpc-port \/ GRPC_PORT/);
  });
});

describe('chooseHistory', () => {
  it('tells synthetic, job_status files and calcloud exports apart', () => {
    expect(chooseHistory('synthetic', 10, 1)).toEqual({ kind: 'synthetic', jobs: 10, seed: 1 });
    expect(chooseHistory('/data/jobs.ndjson', 10, 1)).toEqual({ kind: 'job-status-file', path: '/data/jobs.ndjson' });
    expect(chooseHistory('/data/trace.swf', 10, 1)).toEqual({ kind: 'job-status-file', path: '/data/trace.swf' });
    expect(chooseHistory('/data/calcloud-2021-05-11.CSV', 10, 1)).toEqual({ kind: 'calcloud-csv', path: '/data/calcloud-2021-05-11.CSV' });
  });
});
