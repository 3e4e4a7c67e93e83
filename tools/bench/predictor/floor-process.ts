import { fork } from 'node:child_process';
import { join } from 'node:path';
import { processCpuSeconds } from './process-cpu';

export interface FloorServer {
  url: string;
  cpuSeconds(): number;
  stop(): void;
}

/** Starts floor-server.ts in its own process, answering `answer` to every request. */
export function startFloorServer(answer: string, contentType: string, nodeFlags: readonly string[]): Promise<FloorServer> {
  const child = fork(join(__dirname, 'floor-server.ts'), [], { execArgv: [...nodeFlags, '-r', '@swc-node/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`floor server exited with code ${code} before listening`)));
    child.once('message', ({ port }: { port: number }) =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        cpuSeconds: () => processCpuSeconds(child.pid!),
        stop: () => {
          child.removeAllListeners('exit');
          child.disconnect();
        },
      }),
    );
    child.send({ answer, contentType });
  });
}
