import { createServer } from 'node:net';

/**
 * A TCP port free right now on 127.0.0.1, for a server that must be started on a concrete port (a child process, a
 * gRPC server) so that its callers know where to find it.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
