import { createServer } from 'node:net';

/** A TCP port free right now on 127.0.0.1 (the gRPC server needs a concrete port to be reachable by tests). */
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
