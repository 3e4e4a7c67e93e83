/**
 * The machine's floor for the latency test: a bare `node:http` server that answers every request with the same bytes
 * the predictor sends for the bench's request, so the steady load can be run against it beside the predictor. What it
 * measures is the client, the kernel and the host's scheduling — everything but the predictor's own work.
 * Started by `startFloorServer`; answers its port over IPC.
 */
import { createServer } from 'node:http';

process.once('message', ({ answer, contentType }: { answer: string; contentType: string }) => {
  const body = Buffer.from(answer);
  const server = createServer((request, response) => {
    request.resume();
    request.once('end', () => {
      response.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
      response.end(body);
    });
  });
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
  process.once('disconnect', () => process.exit(0));
});
